// Runtime: Node (vitest). Crash-recovery copy: round trip, validation, unreadable files.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AutosaveEntry } from '../ipc-contract';
import { AUTOSAVE_NAME, autosaveHandlers } from './autosave';
import { fakeContext } from './testing';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandtable-autosave-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry: AutosaveEntry = {
  name: 'Untitled',
  path: null,
  text: '{ "kind": "sandtable.scenario", "half-typed',
  savedAtIso: '2025-11-23T10:00:00.000Z',
};

describe('autosave', () => {
  it('writes, reads back and clears unsaved work (which need not be a valid scenario)', async () => {
    const h = autosaveHandlers({ userDataDir: dir });
    const { ctx } = fakeContext();
    expect(await h.readAutosave(ctx, undefined)).toEqual({ ok: true, value: null });
    expect(await h.writeAutosave(ctx, entry)).toEqual({ ok: true, value: null });
    expect(await readdir(dir)).toEqual([AUTOSAVE_NAME]);
    expect(await autosaveHandlers({ userDataDir: dir }).readAutosave(ctx, undefined)).toEqual({
      ok: true,
      value: entry,
    });
    expect(await h.clearAutosave(ctx, undefined)).toEqual({ ok: true, value: null });
    expect(await h.clearAutosave(ctx, undefined)).toEqual({ ok: true, value: null });
    expect(await h.readAutosave(ctx, undefined)).toEqual({ ok: true, value: null });
  });

  it.each([
    [{ ...entry, text: 12 }, 'text: Invalid input: expected string, received number'],
    [{ ...entry, savedAtIso: 'yesterday' }, 'savedAtIso: Invalid ISO datetime'],
    [{ ...entry, path: '../x.json' }, 'path: expected an absolute path'],
    [{ name: 'x' }, 'path: Invalid input'],
    [null, 'request: Invalid input: expected object, received null'],
  ])('rejects a malformed entry %#', async (payload, message) => {
    const h = autosaveHandlers({ userDataDir: dir });
    const res = await h.writeAutosave(fakeContext().ctx, payload);
    expect(res).toEqual({
      ok: false,
      error: expect.stringContaining('Invalid request to autosave:write-entry'),
    });
    expect(res).toEqual({ ok: false, error: expect.stringContaining(message) });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads a corrupt or foreign autosave file as "nothing to recover"', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const h = autosaveHandlers({ userDataDir: dir });
    await writeFile(join(dir, AUTOSAVE_NAME), '{"name":"x","pa');
    expect(await h.readAutosave(fakeContext().ctx, undefined)).toEqual({ ok: true, value: null });
    await writeFile(join(dir, AUTOSAVE_NAME), JSON.stringify({ ...entry, text: 3 }));
    expect(await h.readAutosave(fakeContext().ctx, undefined)).toEqual({ ok: true, value: null });
    warn.mockRestore();
  });
});
