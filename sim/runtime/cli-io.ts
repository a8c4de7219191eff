// Runtime: Node (CLI). Reading scenario files with clear errors; atomic writes.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { catalogueT, formatIssue } from '../../messages/index';
import { loadScenarioText, type Scenario } from '../scenario';

export type ReadResult =
  | { ok: true; scenario: Scenario; warnings: string[] }
  | { ok: false; messages: string[] };

/** Read and validate a scenario file; every problem becomes one line naming file, line, path. */
export function readScenarioFile(file: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a scenario file'
          : code === 'EACCES'
            ? 'permission denied'
            : String((e as Error).message);
    return { ok: false, messages: [`${file}: error: cannot read the scenario (${why})`] };
  }
  const r = loadScenarioText(text);
  const t = catalogueT('en');
  if (!r.ok) return { ok: false, messages: r.issues.map((i) => formatIssue(i, t, file)) };
  return { ok: true, scenario: r.scenario, warnings: r.warnings.map((i) => formatIssue(i, t, file)) };
}

/** Write a file atomically: a temporary file in the same folder, fsync, then rename over the target. */
export function writeFileAtomic(file: string, body: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    writeSync(fd, body);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
