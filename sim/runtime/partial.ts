// Runtime: Node (CLI). Partial results of a sharded run (`run --shard k/N`) and their exact merge
// (`merge part-*.json`). A part carries its replications' raw records (little-endian float64,
// base64) and the scenario it ran, so the merge summarizes the concatenated records with the same
// code as an unsharded run: the result file is byte-identical to the run's.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { catalogueT, formatIssue } from '../../messages/index';
import { type ReplicationBlock, type RunSettings, validateScenario } from '../api';
import { recordLayout } from '../engine/layout';
import { SummaryColumns } from '../engine/summary-columns';
import type { Scenario } from '../scenario';

export const PARTIAL_KIND = 'sandtable.partial';

/** A stable name of a validated scenario: the SHA-256 of its canonical JSON (first 24 hex digits). */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex').slice(0, 24);
}

/** Records as base64 of their little-endian float64 bytes (exact, a third of decimal text's size). */
export function encodeRecords(data: Float64Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

export function decodeRecords(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Float64Array(bytes.length / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

const PartialSchema = z.object({
  kind: z.literal(PARTIAL_KIND),
  version: z.literal(1),
  engine: z.string(),
  scenarioHash: z.string(),
  settings: z.object({ seed: z.string(), replications: z.number().int().positive() }),
  shard: z.object({ index: z.number().int().nonnegative(), count: z.number().int().positive() }),
  range: z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() }),
  recordLength: z.number().int().positive(),
  scenario: z.unknown(),
  records: z.string(),
  elapsedSeconds: z.number().optional(),
});
type PartialDoc = z.infer<typeof PartialSchema>;

export type PartialInput = {
  scenario: Scenario;
  settings: RunSettings;
  shard: { index: number; count: number };
  blocks: ReplicationBlock[];
  engine: string;
  elapsedSeconds: number;
};

/** The JSON text of a part (the blocks cover the shard's range in order). */
export function partialJson(p: PartialInput): string {
  const len = recordLayout(p.scenario).length;
  const start = p.blocks[0].start;
  const end = p.blocks[p.blocks.length - 1].end;
  const records = new Float64Array((end - start) * len);
  for (const b of p.blocks) records.set(b.data, (b.start - start) * len);
  const doc: PartialDoc = {
    kind: PARTIAL_KIND,
    version: 1,
    engine: p.engine,
    scenarioHash: scenarioHash(p.scenario),
    settings: { seed: p.settings.seed, replications: p.settings.replications },
    shard: p.shard,
    range: { start, end },
    recordLength: len,
    elapsedSeconds: Number(p.elapsedSeconds.toFixed(3)),
    scenario: p.scenario,
    records: encodeRecords(records),
  };
  return `${JSON.stringify(doc)}\n`;
}

type Part = { file: string; doc: PartialDoc; scenario: Scenario };

export type MergeResult =
  | { ok: true; scenario: Scenario; settings: RunSettings; columns: SummaryColumns; engine: string }
  | { ok: false; messages: string[] };

const range = (s: number, e: number) => `replications ${s}–${e - 1}`;

function readPart(file: string): Part | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `${file}: error: cannot read the part (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String((e as Error).message)})`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `${file}: error: not JSON; expected a part written by \`run --shard k/N --out FILE\``;
  }
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (kind !== PARTIAL_KIND)
    return `${file}: error: kind ${JSON.stringify(kind)}; expected "${PARTIAL_KIND}" (a part written by \`run --shard k/N --out FILE\`)`;
  const parsed = PartialSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${file}: error: ${issue.path.join('.') || '(root)'}: ${issue.message}`;
  }
  const doc = parsed.data;
  const loaded = validateScenario(doc.scenario);
  if (!loaded.ok) return `${file}: error: scenario: ${formatIssue(loaded.issues[0], catalogueT('en'))}`;
  if (scenarioHash(loaded.scenario) !== doc.scenarioHash)
    return `${file}: error: scenarioHash ${doc.scenarioHash} does not match the scenario it holds (the file was edited)`;
  const { start, end } = doc.range;
  const expected = (end - start) * doc.recordLength;
  if (end > doc.settings.replications || start >= end)
    return `${file}: error: range ${start}–${end} is not inside a ${doc.settings.replications}-replication run`;
  if (doc.recordLength !== recordLayout(loaded.scenario).length)
    return `${file}: error: recordLength ${doc.recordLength} does not fit the scenario (${recordLayout(loaded.scenario).length})`;
  if (Buffer.byteLength(doc.records, 'base64') !== expected * 8)
    return `${file}: error: records hold ${Buffer.byteLength(doc.records, 'base64') / 8} numbers; expected ${expected} (${range(start, end)} × ${doc.recordLength})`;
  return { file, doc, scenario: loaded.scenario };
}

/**
 * Read parts and check that they belong to one run (scenario, seed, replications, engine) and
 * cover its replications exactly once; every problem is one line naming the file.
 */
export function mergePartials(files: string[]): MergeResult {
  const parts: Part[] = [];
  const messages: string[] = [];
  for (const file of files) {
    const p = readPart(file);
    if (typeof p === 'string') messages.push(p);
    else parts.push(p);
  }
  if (messages.length > 0) return { ok: false, messages };
  const [first] = parts;
  const same = (p: Part, what: string, a: unknown, b: unknown, hint: string) => {
    if (a !== b)
      messages.push(
        `${p.file}: error: ${what} ${JSON.stringify(a)} differs from ${first.file}'s ${JSON.stringify(b)}; ${hint}`,
      );
  };
  for (const p of parts.slice(1)) {
    same(
      p,
      'scenario',
      p.doc.scenarioHash,
      first.doc.scenarioHash,
      'parts of different scenarios cannot be merged',
    );
    same(p, 'seed', p.doc.settings.seed, first.doc.settings.seed, 'every part must use the same --seed');
    same(
      p,
      'replications',
      p.doc.settings.replications,
      first.doc.settings.replications,
      'every part must use the same --replications',
    );
    same(p, 'engine', p.doc.engine, first.doc.engine, 'run every shard with the same Sandtable build');
  }
  if (messages.length > 0) return { ok: false, messages };
  const sorted = [...parts].sort((a, b) => a.doc.range.start - b.doc.range.start);
  const total = first.doc.settings.replications;
  let next = 0;
  let previous: Part | null = null;
  for (const p of sorted) {
    const { start, end } = p.doc.range;
    if (start > next)
      messages.push(
        `error: ${range(next, start)} of ${total} are in no part (shard missing?); parts given: ${files.join(', ')}`,
      );
    else if (start < next && previous)
      messages.push(
        `${p.file}: error: ${range(start, Math.min(end, next))} are also in ${previous.file} (the same shard given twice?)`,
      );
    if (end > next) {
      next = end;
      previous = p;
    }
  }
  if (next < total)
    messages.push(
      `error: ${range(next, total)} of ${total} are in no part (shard missing?); parts given: ${files.join(', ')}`,
    );
  if (messages.length > 0) return { ok: false, messages };
  // Each part's records are reduced to the run's columns in turn and dropped.
  const columns = new SummaryColumns(recordLayout(first.scenario), total);
  for (const p of sorted) {
    columns.add(p.doc.range.start, p.doc.range.end, decodeRecords(p.doc.records));
    p.doc.records = '';
  }
  columns.assertContiguous(); // checked above; this throws only on a bug
  return {
    ok: true,
    scenario: first.scenario,
    settings: { seed: first.doc.settings.seed, replications: total },
    columns,
    engine: first.doc.engine,
  };
}
