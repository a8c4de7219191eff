// From an issue's path to the screen and the field that edit it.
import { parentPath, type ScenarioIssue } from '../../../sim/index';
import type { AppStoreApi, ScreenId } from '../../state/store';
import { fieldId } from './fields';

export function screenForPath(path: string): ScreenId {
  const head = path.split(/[.[]/)[0];
  switch (head) {
    case 'population':
      return 'population';
    case 'products':
    case 'incentives':
      return 'offers';
    case 'strategies':
    case 'contactPolicy':
      return 'strategies';
    case 'channels':
      return 'channels';
    case 'calendar':
    case 'economics':
    case 'monteCarlo':
    case 'meta':
      return 'calendar';
    case 'uncertainty':
    case 'ledger':
      return 'assumptions';
    default:
      return 'json';
  }
}

/** Where the raw JSON editor should put the caret for a line/column. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

export const RAW_EDITOR_ID = 'raw-json-editor';

function focusRaw(issue: ScenarioIssue, text: string) {
  const el = document.getElementById(RAW_EDITOR_ID) as HTMLTextAreaElement | null;
  if (!el || issue.line === undefined) return;
  const at = offsetOf(text, issue.line, issue.column ?? 1);
  el.focus();
  el.setSelectionRange(at, at);
  const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 18;
  el.scrollTop = Math.max(0, (issue.line - 5) * lineHeight);
}

/** Show the field an issue is about (or its line in the raw JSON when no form field edits it). */
export function goToIssue(store: AppStoreApi, issue: ScenarioIssue): void {
  const s = store.getState();
  let screen = screenForPath(issue.path);
  const m = /^strategies\[(\d+)\]/.exec(issue.path);
  if (m) s.selectStrategy(Number(m[1]));
  s.setScreen(screen);
  requestAnimationFrame(() => {
    let p = issue.path;
    for (;;) {
      const el = document.getElementById(fieldId(p));
      if (el) {
        el.focus();
        el.scrollIntoView({ block: 'center' });
        return;
      }
      const up = parentPath(p);
      if (!up) break;
      p = up;
    }
    screen = 'json';
    s.setScreen(screen);
    requestAnimationFrame(() => focusRaw(issue, store.getState().text));
  });
}
