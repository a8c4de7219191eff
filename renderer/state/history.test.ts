import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, HISTORY_COALESCE_MS, HISTORY_LIMIT } from './store';

const TEXT = JSON.stringify({ meta: { name: 'a' }, strategies: [{ holdout: { share: 0.1 } }] }, null, 2);

let clock = 0;
function fresh() {
  clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  const store = createAppStore();
  store.getState().loadText(TEXT, { name: 'a.json', path: null });
  return store;
}
const doc = (s: ReturnType<typeof fresh>) =>
  s.getState().doc as { meta: { name: string }; strategies: Array<{ holdout: { share: number } }> };

afterEach(() => vi.restoreAllMocks());

describe('edit history (undo / redo)', () => {
  it('undoes and redoes field edits one step at a time, back to the loaded text', () => {
    const store = fresh();
    const s = () => store.getState();
    s().setField('meta.name', 'b');
    clock += 5000;
    s().setField('strategies[0].holdout.share', 0.2);
    expect(s().history.past).toHaveLength(2);
    expect(s().undo()).toBe(true);
    expect(doc(store).meta.name).toBe('b');
    expect(s().undo()).toBe(true);
    expect(s().text).toBe(TEXT);
    expect(s().undo()).toBe(false);
    expect(s().redo()).toBe(true);
    expect(s().redo()).toBe(true);
    expect(s().redo()).toBe(false);
    expect(doc(store)).toMatchObject({ meta: { name: 'b' }, strategies: [{ holdout: { share: 0.2 } }] });
    // The document follows the text (the forms read it), and the change is unsaved.
    expect(s().docText).toBe(s().text);
    expect(s().isDirty).toBe(true);
  });

  it('counts a burst of edits to one field as one step, and a pause or another field as a new one', () => {
    const store = fresh();
    const s = () => store.getState();
    for (const name of ['b', 'bo', 'bob']) {
      s().setField('meta.name', name);
      clock += HISTORY_COALESCE_MS / 4;
    }
    expect(s().history.past).toHaveLength(1);
    s().setField('strategies[0].holdout.share', 0.3);
    expect(s().history.past).toHaveLength(2);
    clock += HISTORY_COALESCE_MS + 1;
    s().setField('strategies[0].holdout.share', 0.4);
    expect(s().history.past).toHaveLength(3);
    s().undo();
    s().undo();
    expect(doc(store).meta.name).toBe('bob');
    s().undo();
    expect(s().text).toBe(TEXT);
  });

  it('a structural edit (an object or array) is a step of its own, however quick; typing into one still merges', () => {
    const store = fresh();
    const s = () => store.getState();
    // Two canvas edits of the same strategy's holdout object 1 ms apart: two steps.
    s().setField('strategies[0].holdout', { share: 0.3 });
    clock += 1;
    s().setField('strategies[0].holdout', { share: 0.4 });
    expect(s().history.past).toHaveLength(2);
    s().undo();
    expect(doc(store)).toMatchObject({ strategies: [{ holdout: { share: 0.3 } }] });
    s().redo();
    // A text field that writes a whole object (a step id rename) says it is typing: one step.
    s().setField('strategies[0].holdout', { share: 0.5 }, { isTyping: true });
    clock += 1;
    s().setField('strategies[0].holdout', { share: 0.6 }, { isTyping: true });
    expect(s().history.past).toHaveLength(3);
  });

  it('raw JSON typing is undoable too; a new edit after undo drops the redo steps', () => {
    const store = fresh();
    const s = () => store.getState();
    s().setText(`${TEXT} `);
    s().undo();
    expect(s().history.future).toHaveLength(1);
    s().setField('meta.name', 'c');
    expect(s().history.future).toHaveLength(0);
    expect(s().redo()).toBe(false);
  });

  it('an edit that changes nothing is not a step', () => {
    const store = fresh();
    store.getState().setField('meta.name', 'a');
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().isDirty).toBe(false);
  });

  it('keeps the last HISTORY_LIMIT steps, and opening a file starts a new history', () => {
    const store = fresh();
    const s = () => store.getState();
    for (let k = 0; k < HISTORY_LIMIT + 20; k++) {
      clock += HISTORY_COALESCE_MS + 1;
      s().setField('meta.name', `n${k}`);
    }
    expect(s().history.past).toHaveLength(HISTORY_LIMIT);
    expect(JSON.parse(s().history.past[0]).meta.name).toBe('n19');
    s().loadText(TEXT, { name: 'b.json', path: null });
    expect(s().history).toEqual({ past: [], future: [], last: null });
  });
});
