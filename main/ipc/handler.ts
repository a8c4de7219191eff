// Runtime: Electron main (Node). The shape every IPC handler shares: validate the payload with zod,
// run, answer `IpcResult`. Validation errors name the field, what was found and what was expected.
import { isAbsolute } from 'node:path';
import type { BrowserWindow, WebContents } from 'electron';
import { z } from 'zod';
import { formatPath } from '../../sim/index';
import type { IpcResult } from '../ipc-contract';

/** What a handler may know about its caller. */
export type CallContext = { window: BrowserWindow | null; sender: Pick<WebContents, 'printToPDF'> };

export type IpcResultOf<T> = Promise<IpcResult<T>>;

export type Handler = (ctx: CallContext, payload: unknown) => Promise<IpcResult<unknown>>;

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function formatZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => `${formatPath(i.path) || 'request'}: ${i.message}`);
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '';
  return parts.join('; ') + more;
}

/** A handler that only runs on a payload `schema` accepts. */
export function validated<S extends z.ZodType, T>(
  channel: string,
  schema: S,
  run: (req: z.output<S>, ctx: CallContext) => Promise<IpcResult<T>>,
): Handler {
  return async (ctx, payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return fail(`Invalid request to ${channel}: ${formatZodError(parsed.error)}`);
    return run(parsed.data, ctx);
  };
}

export const byteLength = (data: string | Uint8Array): number =>
  typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;

export const formatMegabytes = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

/** `is 20971521 bytes, over the 20 MB limit` */
export const overLimit = (size: number, limit: number): string =>
  `is ${size} bytes, over the ${formatMegabytes(limit)} limit`;

/** A zod check: the UTF-8 (or raw) size of the value is at most `limit` bytes. */
export function maxBytes(limit: number) {
  return (value: string | Uint8Array, ctx: z.RefinementCtx) => {
    const size = byteLength(value);
    if (size > limit) {
      ctx.addIssue({
        code: 'custom',
        message: overLimit(size, limit),
      });
    }
  };
}

export const AbsolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => isAbsolute(p), { message: 'expected an absolute path' });

export const FileName = z.string().max(255);

/** A message for the user; Node's error codes become words. */
export function errorMessage(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const words: Record<string, string> = {
    ENOENT: 'the file or folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOSPC: 'the disk is full',
    EROFS: 'the disk is read-only',
    EISDIR: 'that is a folder, not a file',
  };
  if (typeof code === 'string' && words[code]) return words[code];
  return err instanceof Error ? err.message : String(err);
}
