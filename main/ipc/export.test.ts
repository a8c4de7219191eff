// Runtime: Node (vitest; electron mocked). Exports: file names, extensions, limits, the A4 PDF.
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../ipc-contract';
import { safeFileName, withExtension } from './dialogs';
import { exportHandlers } from './export';
import { fakeContext, fakeDialogs } from './testing';

vi.mock('electron', () => ({ dialog: {} }));

let docs: string;
beforeEach(async () => {
  docs = join(await mkdtemp(join(tmpdir(), 'sandtable-export-')), 'Documents');
  await mkdir(docs);
});
afterEach(async () => {
  await rm(join(docs, '..'), { recursive: true, force: true });
});

describe('exportFile', () => {
  it('saves CSV text where the user chose, adding the extension a Linux dialog leaves off', async () => {
    const dialogs = fakeDialogs({ save: join(docs, 'results') });
    const h = exportHandlers({ dialogs, documentsDir: docs });
    const res = await h.exportFile(fakeContext().ctx, {
      kind: 'csv',
      suggestedName: 'Q3 results',
      data: 'a,b\n1,2\n',
    });
    expect(res).toEqual({ ok: true, value: { path: join(docs, 'results.csv') } });
    expect(dialogs.pickSavePath).toHaveBeenCalledWith(null, 'csv', join(docs, 'Q3 results.csv'));
    expect(await readFile(join(docs, 'results.csv'), 'utf8')).toBe('a,b\n1,2\n');
  });

  it('saves bytes unchanged and returns null when cancelled', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 0, 255]);
    const h = exportHandlers({ dialogs: fakeDialogs({ save: join(docs, 'chart.png') }), documentsDir: docs });
    expect(
      await h.exportFile(fakeContext().ctx, { kind: 'png', suggestedName: 'chart', data: bytes }),
    ).toEqual({
      ok: true,
      value: { path: join(docs, 'chart.png') },
    });
    expect(new Uint8Array(await readFile(join(docs, 'chart.png')))).toEqual(bytes);
    const cancelled = exportHandlers({ dialogs: fakeDialogs({ save: null }), documentsDir: docs });
    expect(
      await cancelled.exportFile(fakeContext().ctx, { kind: 'json', suggestedName: 'r', data: '{}' }),
    ).toEqual({
      ok: true,
      value: null,
    });
  });

  it.each([
    [
      { kind: 'exe', suggestedName: 'x', data: '' },
      'kind: Invalid option: expected one of "csv"|"json"|"png"|"pdf"',
    ],
    [{ kind: 'csv', suggestedName: 'x', data: 12 }, 'data: Invalid input'],
    [{ kind: 'csv', suggestedName: 'x'.repeat(300), data: '' }, 'suggestedName: Too big'],
    [{ kind: 'csv', data: '' }, 'suggestedName: Invalid input: expected string, received undefined'],
  ])('rejects a malformed request %#', async (payload, message) => {
    const dialogs = fakeDialogs({ save: join(docs, 'x.csv') });
    const res = await exportHandlers({ dialogs, documentsDir: docs }).exportFile(fakeContext().ctx, payload);
    expect(res).toEqual({ ok: false, error: expect.stringContaining('Invalid request to export:save-file') });
    expect(res).toEqual({ ok: false, error: expect.stringContaining(message) });
    expect(dialogs.pickSavePath).not.toHaveBeenCalled();
  });

  it('rejects data above the export limit before asking where to save', async () => {
    const dialogs = fakeDialogs({ save: join(docs, 'x.png') });
    const data = new Uint8Array(LIMITS.exportBytes + 1);
    const res = await exportHandlers({ dialogs, documentsDir: docs }).exportFile(fakeContext().ctx, {
      kind: 'png',
      suggestedName: 'x',
      data,
    });
    expect(res).toEqual({
      ok: false,
      error: expect.stringContaining('data: is 209715201 bytes, over the 200 MB limit'),
    });
    expect(dialogs.pickSavePath).not.toHaveBeenCalled();
  });
});

describe('exportReportPdf', () => {
  it('prints the window to an A4 PDF with backgrounds and saves it', async () => {
    const dialogs = fakeDialogs({ save: join(docs, 'report.pdf') });
    const { ctx, printToPDF } = fakeContext(new Uint8Array([37, 80, 68, 70, 45]));
    const res = await exportHandlers({ dialogs, documentsDir: docs }).exportReportPdf(ctx, {
      suggestedName: 'Report',
    });
    expect(printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' });
    expect(dialogs.pickSavePath).toHaveBeenCalledWith(null, 'pdf', join(docs, 'Report.pdf'));
    expect(res).toEqual({ ok: true, value: { path: join(docs, 'report.pdf') } });
    expect((await readFile(join(docs, 'report.pdf'))).toString('latin1')).toBe('%PDF-');
    expect(await readdir(docs)).toEqual(['report.pdf']);
  });

  it('rejects a malformed request', async () => {
    const { ctx, printToPDF } = fakeContext();
    const res = await exportHandlers({ dialogs: fakeDialogs(), documentsDir: docs }).exportReportPdf(ctx, {});
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining('suggestedName') });
    expect(printToPDF).not.toHaveBeenCalled();
  });
});

describe('file names', () => {
  it.each([
    ['Q3 results', 'csv', 'Q3 results.csv'],
    ['../../etc/passwd', 'csv', 'passwd.csv'],
    ['C:\\Users\\x\\report.PDF', 'pdf', 'report.PDF'],
    ['a<b>:c|d?*.json', 'json', 'abcd.json'],
    ['..', 'json', 'sandtable.json'],
    ['   ', 'png', 'sandtable.png'],
  ])('safeFileName(%j, %s) = %j', (name, ext, expected) => {
    expect(safeFileName(name, ext)).toBe(expected);
  });

  it('adds an extension only when there is none', () => {
    expect(withExtension('/d/results', 'csv')).toBe('/d/results.csv');
    expect(withExtension('/d/results.txt', 'csv')).toBe('/d/results.txt');
  });
});
