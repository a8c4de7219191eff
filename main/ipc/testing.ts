// Runtime: Node (vitest helpers only; never bundled). Fakes for the ports IPC handlers use.
import { vi } from 'vitest';
import type { FileDialogs } from './dialogs';
import type { CallContext } from './handler';

export type FakeDialogs = FileDialogs & {
  pickOpenPath: ReturnType<typeof vi.fn<FileDialogs['pickOpenPath']>>;
  pickSavePath: ReturnType<typeof vi.fn<FileDialogs['pickSavePath']>>;
};

/** Dialogs that answer `open`/`save` (null = the user cancelled). */
export function fakeDialogs(answers: { open?: string | null; save?: string | null } = {}): FakeDialogs {
  return {
    pickOpenPath: vi.fn<FileDialogs['pickOpenPath']>(async () => answers.open ?? null),
    pickSavePath: vi.fn<FileDialogs['pickSavePath']>(async () => answers.save ?? null),
  };
}

export function fakeContext(pdf: Uint8Array = new Uint8Array([37, 80, 68, 70])) {
  const printToPDF = vi.fn(async () => Buffer.from(pdf));
  const ctx: CallContext = { window: null, sender: { printToPDF } };
  return { ctx, printToPDF };
}
