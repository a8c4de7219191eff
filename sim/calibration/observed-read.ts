// Reading an observed-pilot file (CSV with an English or Chinese header, or JSON) into rows, each
// problem an issue at its line (or JSON path) and column, with the value found and what was expected.
import { parseCsv } from '../csv';
import {
  ARM_WORDS,
  type Arm,
  OBSERVED_COLUMNS,
  type ObservedPilot,
  ObservedPilotSchema,
  type ObservedRow,
  type RowPlace,
} from './observed-format';

/** A problem in an observed file, as a code (messages/ words it under `observed.`) with its place. */
export type ObservedIssue = {
  code: string;
  params: Record<string, string | number>;
  at?: RowPlace;
  /** The column as the file names it (CSV header, or the JSON key). */
  column?: string;
};

export type ObservedRead = { ok: true; pilot: ObservedPilot } | { ok: false; issues: ObservedIssue[] };

const MAX_ISSUES = 50;

type Column = (typeof OBSERVED_COLUMNS)[number];

function columnFor(header: string): Column | undefined {
  const h = header.trim().toLowerCase();
  return OBSERVED_COLUMNS.find((c) => c.en === h || c.zh === header.trim());
}

/** Text that looks like JSON is read as JSON; anything else as CSV. */
export function readObservedText(text: string): ObservedRead {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, issues: [{ code: 'empty', params: {} }] };
  return body.trimStart().startsWith('{') ? readJson(body) : readCsv(body);
}

function readJson(text: string): ObservedRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ code: 'json-invalid', params: { detail: (e as Error).message } }] };
  }
  const r = ObservedPilotSchema.safeParse(doc);
  if (!r.success) {
    const issues = r.error.issues.slice(0, MAX_ISSUES).map((i): ObservedIssue => {
      const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
      const value = i.path.reduce<unknown>(
        (o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined),
        doc,
      );
      return {
        code: 'json-schema',
        params: { value: value === undefined ? '(missing)' : JSON.stringify(value), expected: i.message },
        at: { path: path.replace(/^\./, '') || '(file)' },
      };
    });
    return { ok: false, issues };
  }
  const d = r.data;
  const rows: ObservedRow[] = d.rows.map((row, i) => ({
    branch: row.branch,
    arm: row.arm,
    week: row.week ?? null,
    targeted: row.targeted,
    reached: row.reached ?? null,
    responded: row.responded ?? null,
    buyers: row.buyers,
    netNewMoneyCny: row.netNewMoneyCny,
    netNewMoneySq: row.netNewMoneySq ?? null,
    productsGained: row.productsGained ?? null,
    activeAppUsers: row.activeAppUsers ?? null,
    at: { path: `rows[${i}]` },
  }));
  return { ok: true, pilot: { strategy: d.strategy, startDate: d.startDate, weeks: d.weeks, rows } };
}

const COUNT = /^\d+$/;
const MONEY = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function readCsv(text: string): ObservedRead {
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return { ok: false, issues: [{ code: 'csv-quote', params: {}, at: { line: parsed.line } }] };
  const [header, ...records] = parsed.records;
  const issues: ObservedIssue[] = [];
  const columns: Array<Column | undefined> = header.cells.map((h) => columnFor(h));
  header.cells.forEach((h, i) => {
    if (!columns[i])
      issues.push({
        code: 'unknown-column',
        params: { value: h, known: OBSERVED_COLUMNS.map((c) => c.en).join(', ') },
        at: { line: header.line },
        column: h,
      });
    else if (columns.indexOf(columns[i]) !== i)
      issues.push({ code: 'duplicate-column', params: { value: h }, at: { line: header.line }, column: h });
  });
  for (const c of OBSERVED_COLUMNS)
    if (c.isRequired && !columns.includes(c))
      issues.push({ code: 'missing-column', params: { en: c.en, zh: c.zh }, at: { line: header.line } });
  if (issues.length) return { ok: false, issues };
  if (records.length === 0) return { ok: false, issues: [{ code: 'empty', params: {} }] };

  const names = header.cells.map((h) => h.trim());
  const first: Partial<Record<'strategy' | 'startDate' | 'weeks', { value: string; line: number }>> = {};
  const rows: ObservedRow[] = [];
  for (const rec of records) {
    if (issues.length >= MAX_ISSUES) break;
    if (rec.cells.length !== header.cells.length) {
      issues.push({
        code: 'cell-count',
        params: { found: rec.cells.length, expected: header.cells.length },
        at: { line: rec.line },
      });
      continue;
    }
    const row: Record<string, unknown> = { at: { line: rec.line } };
    let isBad = false;
    columns.forEach((c, i) => {
      if (!c) return;
      const raw = rec.cells[i].trim();
      const fail = (code: string, params: Record<string, string | number> = {}) => {
        issues.push({ code, params: { value: raw, ...params }, at: { line: rec.line }, column: names[i] });
        isBad = true;
      };
      if (raw === '') {
        if (c.isRequired) fail('blank', { expected: c.kind });
        else row[c.key] = null;
        return;
      }
      switch (c.kind) {
        case 'text':
          row[c.key] = raw;
          break;
        case 'date':
          if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`)))
            fail('not-a-date');
          else row[c.key] = raw;
          break;
        case 'whole':
          if (!COUNT.test(raw) || Number(raw) < 1 || Number(raw) > 104) fail('not-weeks');
          else row[c.key] = Number(raw);
          break;
        case 'arm': {
          const arm: Arm | undefined = ARM_WORDS[raw.toLowerCase()] ?? ARM_WORDS[raw];
          if (!arm) fail('bad-arm');
          else row[c.key] = arm;
          break;
        }
        case 'count':
          if (/^-/.test(raw) && MONEY.test(raw)) fail('negative');
          else if (!COUNT.test(raw)) fail('not-a-count');
          else row[c.key] = Number(raw);
          break;
        case 'money':
          if (!MONEY.test(raw)) fail('not-a-number');
          else row[c.key] = Number(raw);
          break;
        case 'nonNegative':
          if (!MONEY.test(raw)) fail('not-a-number');
          else if (Number(raw) < 0) fail('negative');
          else row[c.key] = Number(raw);
          break;
      }
    });
    if (isBad) continue;
    for (const key of ['strategy', 'startDate', 'weeks'] as const) {
      const value = String(row[key]);
      const seen = first[key];
      if (!seen) first[key] = { value, line: rec.line };
      else if (seen.value !== value) {
        const i = columns.findIndex((c) => c?.key === key);
        issues.push({
          code: 'differs',
          params: { value, first: seen.value, firstLine: seen.line },
          at: { line: rec.line },
          column: names[i],
        });
      }
    }
    if (!('week' in row)) row.week = null;
    for (const c of OBSERVED_COLUMNS) if (!c.isRequired && !(c.key in row)) row[c.key] = null;
    rows.push(row as ObservedRow);
  }
  if (issues.length) return { ok: false, issues };
  const r0 = rows[0] as unknown as Record<string, unknown>;
  return {
    ok: true,
    pilot: {
      strategy: String(r0.strategy),
      startDate: String(r0.startDate),
      weeks: Number(r0.weeks),
      rows: rows.map((r) => {
        const { strategy: _s, startDate: _d, weeks: _w, ...rest } = r as unknown as Record<string, unknown>;
        return rest as unknown as ObservedRow;
      }),
    },
  };
}
