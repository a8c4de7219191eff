// Runtime: Node (vitest; electron mocked). Opening and saving scenarios: payload validation,
// drafts saved with their errors, atomic saves, and which paths may be written.
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SCENARIO_BYTES } from '../../sim/index';
import { type AtomicFs, nodeAtomicFs } from '../fs/atomic-write';
import { createRecentFiles, type RecentFiles } from '../fs/recent-files';
import { LIMITS } from '../ipc-contract';
import { scenarioHandlers } from './scenario';
import { fakeContext, fakeDialogs } from './testing';

vi.mock('electron', () => ({ dialog: {} }));

const VALID = await readFile(
  join(import.meta.dirname, '../../scenarios/omnichannel-referral-pilot.json'),
  'utf8',
);

let dir: string;
let docs: string;
let recent: RecentFiles;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandtable-scenario-'));
  docs = join(dir, 'Documents');
  await mkdir(docs);
  recent = createRecentFiles(join(dir, 'userData'));
  await mkdir(join(dir, 'userData'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(answers: Parameters<typeof fakeDialogs>[0] = {}, fs?: AtomicFs) {
  const dialogs = fakeDialogs(answers);
  const onRecentChanged = vi.fn();
  const onSaveAborted = vi.fn();
  const h = scenarioHandlers({ dialogs, recent, documentsDir: docs, onRecentChanged, onSaveAborted, fs });
  return { h, dialogs, onRecentChanged, onSaveAborted, ctx: fakeContext().ctx };
}

describe('saveScenario', () => {
  it('asks where to save a new scenario, writes it and adds it to the recent list', async () => {
    const { h, dialogs, ctx, onRecentChanged } = setup({ save: join(docs, 'pilot') });
    const res = await h.saveScenario(ctx, { path: null, suggestedName: 'Pilot', text: VALID });
    expect(res).toEqual({ ok: true, value: { path: join(docs, 'pilot.json'), name: 'pilot.json' } });
    expect(dialogs.pickSavePath).toHaveBeenCalledWith(null, 'scenario', join(docs, 'Pilot.json'));
    expect(await readFile(join(docs, 'pilot.json'), 'utf8')).toBe(VALID);
    expect(await recent.list()).toEqual([join(docs, 'pilot.json')]);
    expect(onRecentChanged).toHaveBeenCalled();
  });

  it('writes straight to a path the user chose before, without a dialog', async () => {
    const target = join(docs, 'known.json');
    await recent.add(target);
    const { h, dialogs, ctx } = setup();
    const res = await h.saveScenario(ctx, { path: target, suggestedName: 'known', text: VALID });
    expect(res.ok).toBe(true);
    expect(dialogs.pickSavePath).not.toHaveBeenCalled();
  });

  it('offers a path the shell never granted as a Save As default instead of writing to it', async () => {
    const { h, dialogs, ctx, onSaveAborted } = setup({ save: null });
    const res = await h.saveScenario(ctx, { path: '/etc/sandtable.json', suggestedName: 'x', text: VALID });
    expect(res).toEqual({ ok: true, value: null });
    expect(dialogs.pickSavePath).toHaveBeenCalledWith(null, 'scenario', '/etc/sandtable.json');
    expect(onSaveAborted).toHaveBeenCalled();
  });

  it('saves a scenario that still has errors as a draft, byte for byte', async () => {
    const { h, ctx, onSaveAborted } = setup({ save: join(docs, 'draft.json') });
    const bad = VALID.replace(/"share": ?[0-9.]+/, '"share": "lots"');
    const res = await h.saveScenario(ctx, { path: null, suggestedName: 'draft', text: bad });
    expect(res).toEqual({ ok: true, value: { path: join(docs, 'draft.json'), name: 'draft.json' } });
    expect(await readFile(join(docs, 'draft.json'), 'utf8')).toBe(bad);
    expect(onSaveAborted).not.toHaveBeenCalled();
  });

  it('saves text that is not even JSON yet (a draft is never lost)', async () => {
    const { h, ctx } = setup({ save: join(docs, 'half.json') });
    const res = await h.saveScenario(ctx, { path: null, suggestedName: 'x', text: '{\n  "kind": \n}' });
    expect(res.ok).toBe(true);
    expect(await readFile(join(docs, 'half.json'), 'utf8')).toBe('{\n  "kind": \n}');
  });

  it.each([
    [{ path: null, suggestedName: 'x', text: 42 }, 'text: Invalid input: expected string, received number'],
    [{ path: 'relative.json', suggestedName: 'x', text: VALID }, 'path: expected an absolute path'],
    [{ path: null, text: VALID }, 'suggestedName: Invalid input: expected string, received undefined'],
    [{ path: null, suggestedName: 'x', text: VALID, mode: 0o777 }, 'Unrecognized key: "mode"'],
    ['just a string', 'request: Invalid input: expected object, received string'],
  ])('rejects a malformed request %#', async (payload, message) => {
    const { h, ctx } = setup();
    const res = await h.saveScenario(ctx, payload);
    expect(res).toEqual({
      ok: false,
      error: expect.stringContaining('Invalid request to scenario:save-file'),
    });
    expect(res).toEqual({ ok: false, error: expect.stringContaining(message) });
  });

  it('rejects scenario text above the size limit before touching the disk', async () => {
    const { h, ctx, dialogs } = setup({ save: join(docs, 'big.json') });
    const text = 'x'.repeat(LIMITS.scenarioTextBytes + 1);
    const res = await h.saveScenario(ctx, { path: null, suggestedName: 'big', text });
    expect(res).toEqual({
      ok: false,
      error: expect.stringContaining('text: is 20971521 bytes, over the 20 MB limit'),
    });
    expect(dialogs.pickSavePath).not.toHaveBeenCalled();
  });

  it('keeps the previous file intact and leaves no temp file when the write fails', async () => {
    const target = join(docs, 'pilot.json');
    await writeFile(target, 'PREVIOUS');
    await recent.add(target);
    const failingRename: AtomicFs = {
      ...nodeAtomicFs,
      rename: (async () => {
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      }) as AtomicFs['rename'],
    };
    const { h, ctx, onSaveAborted } = setup({}, failingRename);
    const res = await h.saveScenario(ctx, { path: target, suggestedName: 'pilot', text: VALID });
    expect(res).toEqual({
      ok: false,
      error: `Could not save ${target}: the disk is full. The previous file was left unchanged.`,
    });
    expect(await readFile(target, 'utf8')).toBe('PREVIOUS');
    expect(await readdir(docs)).toEqual(['pilot.json']);
    expect(onSaveAborted).toHaveBeenCalled();
  });
  it('reports an aborted save even when the dialog throws', async () => {
    const { h, ctx, dialogs, onSaveAborted } = setup();
    dialogs.pickSavePath.mockRejectedValue(new Error('no display'));
    await expect(h.saveScenario(ctx, { path: null, suggestedName: 'x', text: VALID })).rejects.toThrow(
      'no display',
    );
    expect(onSaveAborted).toHaveBeenCalled();
  });
});

describe('openScenario and openRecent', () => {
  it('returns null when the dialog is cancelled', async () => {
    const { h, ctx } = setup({ open: null });
    expect(await h.openScenario(ctx, undefined)).toEqual({ ok: true, value: null });
  });

  it('reads the chosen file (without a BOM), remembers it and lets it be saved in place', async () => {
    const path = join(docs, 'pilot.json');
    await writeFile(path, `\uFEFF${VALID}`);
    const { h, ctx, dialogs } = setup({ open: path });
    expect(await h.openScenario(ctx, undefined)).toEqual({
      ok: true,
      value: { path, name: 'pilot.json', text: VALID },
    });
    expect(await h.listRecent(ctx, undefined)).toEqual({ ok: true, value: [path] });
    await recent.remove(path);
    expect((await h.saveScenario(ctx, { path, suggestedName: 'pilot', text: VALID })).ok).toBe(true);
    expect(dialogs.pickSavePath).not.toHaveBeenCalled();
  });

  it('returns an invalid file for the studio to explain, but keeps it off the recent list', async () => {
    const path = join(docs, 'broken.json');
    const broken = VALID.replace('"kind"', '"kinde"');
    await writeFile(path, broken);
    const { h, ctx, onRecentChanged } = setup({ open: path });
    expect(await h.openScenario(ctx, undefined)).toEqual({
      ok: true,
      value: { path, name: 'broken.json', text: broken },
    });
    expect(await h.listRecent(ctx, undefined)).toEqual({ ok: true, value: [] });
    expect(onRecentChanged).not.toHaveBeenCalled();
  });

  it('uses the same size limit as the loader', () => {
    expect(LIMITS.scenarioTextBytes).toBe(MAX_SCENARIO_BYTES);
  });

  it('refuses files above the size limit', async () => {
    const path = join(docs, 'huge.json');
    await writeFile(path, '');
    await truncate(path, LIMITS.scenarioTextBytes + 1); // sparse: no real 20 MB written
    const { h, ctx } = setup({ open: path });
    expect(await h.openScenario(ctx, undefined)).toEqual({
      ok: false,
      error: 'huge.json is 20971521 bytes, over the 20 MB limit for scenarios',
    });
  });

  it('rejects a payload where none is expected', async () => {
    const { h, ctx } = setup();
    const res = await h.openScenario(ctx, { path: '/etc/passwd' });
    expect(res).toMatchObject({
      ok: false,
      error: expect.stringContaining('Invalid request to scenario:open-file'),
    });
  });

  it('opens only paths on the recent list', async () => {
    const { h, ctx } = setup();
    expect(await h.openRecent(ctx, '/etc/passwd')).toEqual({
      ok: false,
      error: '/etc/passwd is not in the recent files list',
    });
    expect(await h.openRecent(ctx, 7)).toMatchObject({
      ok: false,
      error: expect.stringContaining('expected string'),
    });
  });

  it('drops a recent file that no longer exists', async () => {
    const gone = join(docs, 'gone.json');
    await recent.add(gone);
    const { h, ctx, onRecentChanged } = setup();
    expect(await h.openRecent(ctx, gone)).toEqual({
      ok: false,
      error: `${gone} no longer exists; it was removed from the recent files list`,
    });
    expect(await recent.list()).toEqual([]);
    expect(onRecentChanged).toHaveBeenCalled();
  });
});
