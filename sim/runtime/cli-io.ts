// Runtime: Node (CLI). Reading scenario files with clear errors and a size limit checked before
// the file is read; checking an output path before a run starts (main/fs/atomic-write.ts writes it).
import { constants } from 'node:fs';
import { access, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { catalogueT, formatIssue } from '../../messages/index';
import { loadScenarioText, MAX_SCENARIO_BYTES, type Scenario } from '../scenario';
import { UsageError } from './cli-args';

export type ReadResult =
  | { ok: true; scenario: Scenario; warnings: string[] }
  | { ok: false; messages: string[] };

const MB = 1024 * 1024;

/** `--max-size MB` (already a number): the scenario size limit in bytes (20 MB unless raised). */
export function maxBytesFrom(mb: number | undefined): number {
  if (mb === undefined) return MAX_SCENARIO_BYTES;
  if (!(mb > 0) || mb > 2048) throw new UsageError(`--max-size: ${mb} is not a size in MB from 1 to 2048`);
  return Math.round(mb * MB);
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a scenario file';
  if (code === 'EACCES') return 'permission denied';
  return String((e as Error).message);
}

/** Read and validate a scenario file; every problem becomes one line naming file, line, path. */
export async function readScenarioFile(file: string, maxBytes = MAX_SCENARIO_BYTES): Promise<ReadResult> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > maxBytes) {
      const why = `the file is ${(info.size / MB).toFixed(1)} MB, over the ${maxBytes / MB} MB limit for scenarios; raise it with --max-size`;
      return { ok: false, messages: [`${file}: error: ${why}`] };
    }
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    return { ok: false, messages: [`${file}: error: cannot read the scenario (${readError(e)})`] };
  }
  const r = loadScenarioText(text, { maxBytes });
  const t = catalogueT('en');
  if (!r.ok) return { ok: false, messages: r.issues.map((i) => formatIssue(i, t, file)) };
  return { ok: true, scenario: r.scenario, warnings: r.warnings.map((i) => formatIssue(i, t, file)) };
}

/** The path with symlinks resolved when it exists, else just absolute. */
async function canonical(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

/**
 * Check `--out` (or the output flag `flag`) before a run starts: not one of the input files, its
 * folder exists and can be written, and an existing file is replaced only with `--force`.
 * Problems are usage errors (exit 2).
 */
export async function checkOutputPath(
  out: string,
  inputs: string[],
  isForced: boolean,
  flag = '--out',
): Promise<void> {
  const target = await canonical(out);
  const existing = await stat(target).catch(() => null);
  for (const input of inputs) {
    const inputInfo = await stat(input).catch(() => null);
    const isSameFile =
      (await canonical(input)) === target ||
      (existing !== null &&
        inputInfo !== null &&
        existing.dev === inputInfo.dev &&
        existing.ino === inputInfo.ino);
    if (isSameFile)
      throw new UsageError(
        `${flag} ${out} is ${input === inputs[0] ? 'the scenario file' : 'an input file'} being read; choose another output file`,
      );
  }
  if (existing?.isDirectory()) throw new UsageError(`${flag} ${out} is a folder; give a file name`);
  const folder = dirname(target);
  const folderInfo = await stat(folder).catch(() => null);
  if (!folderInfo?.isDirectory())
    throw new UsageError(`${flag} ${out}: the folder ${dirname(out)} does not exist; create it first`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${out}: the folder ${dirname(out)} cannot be written`);
  }
  if (existing && !isForced) throw new UsageError(`${flag} ${out} already exists; add --force to replace it`);
}
