// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreContext } from '../../state/hooks';
import { createAppStore } from '../../state/store';
import { historyCommand, isTextEntry, useUndoShortcuts } from './useUndoShortcuts';

afterEach(cleanup);

function Probe() {
  useUndoShortcuts();
  return (
    <div>
      <input data-testid="text" />
      <input data-testid="box" type="checkbox" />
      <button type="button" data-testid="button">
        b
      </button>
    </div>
  );
}

describe('undo shortcuts', () => {
  it('maps Ctrl/Cmd+Z to undo and Ctrl/Cmd+Shift+Z or Ctrl+Y to redo', () => {
    const k = (key: string, mods: Partial<KeyboardEvent> = {}) =>
      historyCommand({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(k('z', { ctrlKey: true })).toBe('undo');
    expect(k('z', { metaKey: true })).toBe('undo');
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(k('y', { ctrlKey: true })).toBe('redo');
    expect(k('z')).toBeNull();
    expect(k('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(k('s', { ctrlKey: true })).toBeNull();
  });

  it('steps through the edit history from anywhere but a text field (which keeps its own undo)', () => {
    const store = createAppStore();
    store.getState().loadText('{"meta":{"name":"a"}}', { name: 'a.json', path: null });
    store.getState().setField('meta.name', 'b');
    const { getByTestId } = render(
      <StoreContext.Provider value={store}>
        <Probe />
      </StoreContext.Provider>,
    );
    expect(isTextEntry(getByTestId('text'))).toBe(true);
    expect(isTextEntry(getByTestId('box'))).toBe(false);
    fireEvent.keyDown(getByTestId('text'), { key: 'z', ctrlKey: true });
    expect(store.getState().history.past).toHaveLength(1);
    fireEvent.keyDown(getByTestId('box'), { key: 'z', ctrlKey: true });
    expect(store.getState().history.past).toHaveLength(0);
    expect((store.getState().doc as { meta: { name: string } }).meta.name).toBe('a');
    fireEvent.keyDown(getByTestId('button'), { key: 'y', ctrlKey: true });
    expect((store.getState().doc as { meta: { name: string } }).meta.name).toBe('b');
  });
});
