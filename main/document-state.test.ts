// Runtime: Node (vitest; electron mocked). Title with the dirty mark, and the unsaved-changes prompt.
import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { attachDocumentState, type CloseChoice, documentStateOf, windowTitle } from './document-state';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

class FakeWindow extends EventEmitter {
  title = '';
  isClosed = false;
  setTitle(t: string) {
    this.title = t;
  }
  isDestroyed() {
    return this.isClosed;
  }
  /** Like Electron: emit a cancellable 'close', then close unless prevented. */
  close() {
    let isPrevented = false;
    this.emit('close', { preventDefault: () => (isPrevented = true) });
    if (!isPrevented) this.isClosed = true;
  }
}

function setup(choice: CloseChoice) {
  const win = new FakeWindow();
  const deps = {
    confirmClose: vi.fn(async () => choice),
    requestSave: vi.fn(),
    discard: vi.fn(async () => {}),
  };
  const state = attachDocumentState(win as unknown as BrowserWindow, deps);
  return { win, state, deps };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('window title', () => {
  it('shows the document name, a • when dirty, and the app name', () => {
    expect(windowTitle('pilot.json', false)).toBe('pilot.json — Sandtable');
    expect(windowTitle('pilot.json', true)).toBe('pilot.json • — Sandtable');
    expect(windowTitle('', false)).toBe('Sandtable');
    expect(windowTitle(' ', true)).toBe('• Sandtable');
  });

  it('is set by setDirty and not overwritten by the page <title>', () => {
    const { win, state } = setup('cancel');
    state.setDirty(true, 'pilot.json');
    expect(win.title).toBe('pilot.json • — Sandtable');
    expect(state.isDirty).toBe(true);
    const preventDefault = vi.fn();
    win.emit('page-title-updated', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(documentStateOf(win as unknown as BrowserWindow)).toBe(state);
    expect(documentStateOf(null)).toBeUndefined();
  });
});

describe('close prompt', () => {
  it('closes a clean window without asking', () => {
    const { win, deps } = setup('cancel');
    win.close();
    expect(win.isClosed).toBe(true);
    expect(deps.confirmClose).not.toHaveBeenCalled();
  });

  it('Cancel keeps a dirty window open', async () => {
    const { win, state, deps } = setup('cancel');
    state.setDirty(true, 'pilot.json');
    win.close();
    await settle();
    expect(deps.confirmClose).toHaveBeenCalledWith(win, 'pilot.json');
    expect(win.isClosed).toBe(false);
    expect(deps.discard).not.toHaveBeenCalled();
  });

  it("Don't Save drops the autosave and closes", async () => {
    const { win, state, deps } = setup('discard');
    state.setDirty(true, 'pilot.json');
    win.close();
    await settle();
    expect(deps.discard).toHaveBeenCalled();
    expect(win.isClosed).toBe(true);
  });

  it('Save asks the renderer to save and closes once it reports clean', async () => {
    const { win, state, deps } = setup('save');
    state.setDirty(true, 'pilot.json');
    win.close();
    await settle();
    expect(deps.requestSave).toHaveBeenCalledWith(win);
    expect(win.isClosed).toBe(false);
    state.setDirty(false, 'pilot.json');
    expect(win.isClosed).toBe(true);
  });

  it('stays open when the requested save is cancelled, and a later save does not close it', async () => {
    const { win, state } = setup('save');
    state.setDirty(true, 'pilot.json');
    win.close();
    await settle();
    state.abortPendingClose();
    state.setDirty(false, 'pilot.json');
    expect(win.isClosed).toBe(false);
  });

  it('asks only once while the prompt is open', async () => {
    const { win, state, deps } = setup('cancel');
    state.setDirty(true, 'pilot.json');
    win.close();
    win.close();
    await settle();
    expect(deps.confirmClose).toHaveBeenCalledTimes(1);
  });
});
