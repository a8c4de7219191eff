// Runtime: Electron main (Node). Exports: results as CSV/JSON text or PNG bytes, and the report
// printed to an A4 PDF, each through a save dialog and an atomic write.
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { z } from 'zod';
import { type AtomicFs, atomicWrite, nodeAtomicFs } from '../fs/atomic-write';
import { type ExportKind, IPC, LIMITS } from '../ipc-contract';
import { EXTENSION, type FileDialogs, safeFileName, withExtension } from './dialogs';
import {
  byteLength,
  errorMessage,
  FileName,
  fail,
  type IpcResultOf,
  maxBytes,
  ok,
  overLimit,
  validated,
} from './handler';

export type ExportDeps = { dialogs: FileDialogs; documentsDir: string; fs?: AtomicFs };

const ExportKindSchema = z.enum(['csv', 'json', 'png', 'pdf']) satisfies z.ZodType<ExportKind>;

const ExportRequest = z.strictObject({
  kind: ExportKindSchema,
  suggestedName: FileName,
  data: z.union([z.string(), z.instanceof(Uint8Array)]).superRefine(maxBytes(LIMITS.exportBytes)),
});

const PdfRequest = z.strictObject({ suggestedName: FileName });

export function exportHandlers(deps: ExportDeps) {
  const fs = deps.fs ?? nodeAtomicFs;

  async function saveAs(
    win: BrowserWindow | null,
    kind: ExportKind,
    suggestedName: string,
    data: string | Uint8Array,
  ): IpcResultOf<{ path: string } | null> {
    const ext = EXTENSION[kind];
    const chosen = await deps.dialogs.pickSavePath(
      win,
      kind,
      join(deps.documentsDir, safeFileName(suggestedName, ext)),
    );
    if (!chosen) return ok(null);
    const path = withExtension(chosen, ext);
    try {
      await atomicWrite(path, data, fs);
    } catch (err) {
      return fail(`Could not export to ${path}: ${errorMessage(err)}`);
    }
    return ok({ path });
  }

  return {
    exportFile: validated(IPC.exportFile, ExportRequest, (req, ctx) =>
      saveAs(ctx.window, req.kind, req.suggestedName, req.data),
    ),
    exportReportPdf: validated(IPC.exportReportPdf, PdfRequest, async (req, ctx) => {
      const pdf = await ctx.sender.printToPDF({ printBackground: true, pageSize: 'A4' });
      if (byteLength(pdf) > LIMITS.exportBytes) {
        return fail(`The report PDF ${overLimit(byteLength(pdf), LIMITS.exportBytes)}`);
      }
      return saveAs(ctx.window, 'pdf', req.suggestedName, pdf);
    }),
  };
}
