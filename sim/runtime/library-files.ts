// Runtime: Node. Reading the use-case library (scenarios/library/*.json) with located errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueT, formatIssue } from '../../messages/index';
import { type Fragment, validateFragment } from '../library/fragment';

/** The library folder of this checkout. */
export const LIBRARY_DIR = new URL('../../scenarios/library/', import.meta.url).pathname;

export type LibraryFile =
  | { file: string; ok: true; fragment: Fragment }
  | { file: string; ok: false; messages: string[] };

/** Every fragment file in `dir`, in file-name order, each validated. */
export function readLibrary(dir: string = LIBRARY_DIR): LibraryFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        return { file, ok: false, messages: [`${file}: error: not valid JSON (${(e as Error).message})`] };
      }
      const r = validateFragment(doc);
      return r.ok
        ? { file, ok: true, fragment: r.fragment }
        : { file, ok: false, messages: r.issues.map((i) => formatIssue(i, catalogueT('en'), file)) };
    });
}
