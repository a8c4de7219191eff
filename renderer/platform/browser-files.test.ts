// @vitest-environment jsdom
// Open and save in a plain browser, both ways browser-fs-access works: with the File System Access
// pickers (Chromium; stubbed here, since the library picks its way when it loads) and without them
// (jsdom, like Firefox and Safari: an <input type="file"> and a download link).
import { afterEach, describe, expect, it, vi } from 'vitest';

type Pickers = {
  showOpenFilePicker?: (opts: unknown) => Promise<unknown[]>;
  showSaveFilePicker?: (opts: unknown) => Promise<unknown>;
};
const pickers = window as unknown as Pickers;

/** browser-files.ts loaded fresh, so browser-fs-access sees the pickers present at that moment. */
async function load() {
  vi.resetModules();
  return import('./browser-files');
}

const abort = () => new DOMException('The user aborted a request.', 'AbortError');

/** jsdom's Blob has no text(): read it as the page would have with a FileReader. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** The file input the library added to the page (it adds one per open). */
function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input yet');
  return input;
}

afterEach(() => {
  delete pickers.showOpenFilePicker;
  delete pickers.showSaveFilePicker;
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('without the File System Access API', () => {
  it('saves through a download link named as asked, with the bytes and type given', async () => {
    const { saveFile } = await load();
    let link: HTMLAnchorElement | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      link = this;
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:saved';
    });
    expect(await saveFile('results.csv', 'a,b\n1,2\n', 'text/csv')).toBe('results.csv');
    expect(link?.download).toBe('results.csv');
    expect(link?.href).toBe('blob:saved');
    expect(blobs).toHaveLength(1);
    expect(blobs[0].type).toBe('text/csv');
    expect(await textOf(blobs[0])).toBe('a,b\n1,2\n');
  });

  it('opens through a file input that accepts JSON, and a cancelled input is null', async () => {
    const { openFile } = await load();
    const opts = { description: 'Scenario', mimeTypes: ['application/json'], extensions: ['.json'] };
    const chosen = new File(['{}'], 'pilot.json', { type: 'application/json' });

    const opening = openFile(opts);
    const input = await vi.waitFor(fileInput);
    expect(input.accept).toBe('application/json,.json');
    Object.defineProperty(input, 'files', { value: [chosen] });
    input.dispatchEvent(new Event('change'));
    expect(await opening).toBe(chosen);

    const cancelled = openFile(opts);
    const again = await vi.waitFor(fileInput);
    again.dispatchEvent(new Event('cancel'));
    expect(await cancelled).toBeNull();
  });
});

describe('with the File System Access API', () => {
  it('saves through the save picker: suggested name and type, the bytes written, the name the user chose', async () => {
    const written: unknown[] = [];
    const showSaveFilePicker = vi.fn(async (_opts: unknown) => ({
      name: 'renamed.json',
      createWritable: async () => ({
        write: async (b: Blob) => void written.push(await textOf(b)),
        close: async () => {},
      }),
    }));
    pickers.showSaveFilePicker = showSaveFilePicker;
    pickers.showOpenFilePicker = vi.fn();
    const { saveFile } = await load();
    expect(await saveFile('pilot.json', '{"a":1}', 'application/json')).toBe('renamed.json');
    expect(showSaveFilePicker).toHaveBeenCalledWith(
      expect.objectContaining({
        suggestedName: 'pilot.json',
        types: [{ description: 'Files', accept: { 'application/json': ['.json'] } }],
      }),
    );
    expect(written).toEqual(['{"a":1}']);
  });

  it('a cancelled save or open picker is null, another failure is an error', async () => {
    pickers.showSaveFilePicker = vi.fn(async () => {
      throw abort();
    });
    pickers.showOpenFilePicker = vi.fn(async () => {
      throw new DOMException('not allowed', 'SecurityError');
    });
    const { saveFile, openFile } = await load();
    expect(await saveFile('x.png', new Uint8Array([1]), 'image/png')).toBeNull();
    await expect(openFile({ description: 'S', mimeTypes: [], extensions: ['.json'] })).rejects.toThrow(
      'not allowed',
    );
    pickers.showOpenFilePicker = vi.fn(async () => {
      throw abort();
    });
    const fresh = await load();
    expect(await fresh.openFile({ description: 'S', mimeTypes: [], extensions: ['.json'] })).toBeNull();
  });
});
