// The one CSV writer (RFC 4180 quoting) for every export, studio and CLI. Text cells a spreadsheet
// would run as a formula are neutralised by OWASP's CSV-injection rule: a cell starting with
// = + - @ tab or carriage return gets a leading apostrophe. Numbers are written as numbers, so
// negative values in numeric columns stay negative numbers.

export type CsvCell = string | number | boolean | null | undefined;

export type CsvOptions = {
  /** Start with a UTF-8 byte-order mark (spreadsheet programs then read Chinese labels right). */
  hasBom?: boolean;
  newline?: '\n' | '\r\n';
};

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number written as text is data, not a formula ("-5", "+1.5e3"). */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** One cell: finite numbers as written, non-finite as empty; text quoted when needed and defused. */
export function csvCell(v: CsvCell): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(s) || s !== v ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text, each row ended by the newline. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>, options: CsvOptions = {}): string {
  const newline = options.newline ?? '\r\n';
  const body = rows.map((row) => row.map(csvCell).join(',')).join(newline);
  return `${options.hasBom ? '\uFEFF' : ''}${body}${newline}`;
}

/** One parsed CSV record with the 1-based line of the file it starts on. */
export type CsvRecord = { line: number; cells: string[] };

/**
 * CSV text to records (RFC 4180: quoted cells with "" escapes and line breaks, CRLF or LF, a
 * leading byte-order mark dropped). Blank lines are skipped. Returns the line of an unclosed
 * quote instead of throwing.
 */
export function parseCsv(text: string): { ok: true; records: CsvRecord[] } | { ok: false; line: number } {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let isQuoted = false;
  let quoteLine = 1;
  let hasContent = false;
  const endRecord = () => {
    cells.push(cell);
    if (hasContent || cells.length > 1 || cell !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    hasContent = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (isQuoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') isQuoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') {
      isQuoted = true;
      quoteLine = line;
      hasContent = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      hasContent = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += c;
  }
  if (isQuoted) return { ok: false, line: quoteLine };
  if (hasContent || cell !== '') endRecord();
  return { ok: true, records };
}
