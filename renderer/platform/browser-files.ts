// Runtime: browser. Open and save files in a plain browser through browser-fs-access: the File
// System Access pickers where the browser has them (Chromium), an <input type="file"> and a
// download link elsewhere. A cancelled picker is null, not an error.
import { fileOpen, fileSave } from 'browser-fs-access';

const isCancel = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

export type OpenFileOptions = { description: string; mimeTypes: string[]; extensions: string[] };

/** The file the user picked, or null when they cancelled. */
export async function openFile(opts: OpenFileOptions): Promise<File | null> {
  try {
    return await fileOpen({ ...opts, id: 'sandtable' });
  } catch (e) {
    if (isCancel(e)) return null;
    throw e;
  }
}

/**
 * Save text or bytes as a file. Resolves with the name it was saved under (a save picker lets the
 * user rename it; a download keeps `name`), or null when the user cancelled.
 */
export async function saveFile(
  name: string,
  data: string | Uint8Array,
  mime: string,
): Promise<string | null> {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  const dot = name.lastIndexOf('.');
  try {
    const handle = await fileSave(new Blob([part], { type: mime }), {
      fileName: name,
      extensions: dot > 0 ? [name.slice(dot)] : [],
      mimeTypes: [mime],
      id: 'sandtable',
    });
    return handle?.name ?? name;
  } catch (e) {
    if (isCancel(e)) return null;
    throw e;
  }
}
