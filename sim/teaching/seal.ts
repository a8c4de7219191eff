// Sealing a challenge's hidden values: AES-GCM (256-bit key) with the key derived from the
// trainer's passphrase by PBKDF2-SHA-256 (600,000 iterations, OWASP 2023; a random 16-byte salt),
// a random 12-byte IV. WebCrypto (`globalThis.crypto.subtle`) exists in browsers and in Node ≥ 19,
// so the same code seals in the CLI and opens in the studio. GCM's tag makes a wrong passphrase
// (or any edited byte) fail to decrypt: it can never yield wrong values.

/** The parts of WebCrypto used here (the core compiles without DOM types). */
type Subtle = {
  importKey(f: 'raw', k: Uint8Array, a: string, e: boolean, u: string[]): Promise<unknown>;
  deriveKey(a: object, base: unknown, d: object, e: boolean, u: string[]): Promise<unknown>;
  encrypt(a: object, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(a: object, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
};
type CryptoLike = { subtle: Subtle; getRandomValues<T extends Uint8Array>(a: T): T };
type Codec = { encode(s: string): Uint8Array; decode(b: Uint8Array): string };

const host = globalThis as unknown as {
  crypto?: CryptoLike;
  TextEncoder: new () => Pick<Codec, 'encode'>;
  TextDecoder: new (label: string, o: { fatal: boolean }) => Pick<Codec, 'decode'>;
};

export const DEFAULT_ITERATIONS = 600_000;

export type Sealed = {
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  /** Base64 of the ciphertext with its 16-byte tag. */
  data: string;
};

/** Why opening failed: a code the message catalogue words. */
export class SealError extends Error {
  constructor(
    readonly code: 'challenge.wrong-passphrase' | 'challenge.no-crypto' | 'challenge.empty-passphrase',
  ) {
    super(code);
  }
}

function crypto(): CryptoLike {
  if (!host.crypto?.subtle) throw new SealError('challenge.no-crypto');
  return host.crypto;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new SealError('challenge.wrong-passphrase');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

async function keyFor(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
  usage: 'encrypt' | 'decrypt',
) {
  if (passphrase.length === 0) throw new SealError('challenge.empty-passphrase');
  const c = crypto();
  const base = await c.subtle.importKey('raw', new host.TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return c.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Encrypt `value` (as JSON) under `passphrase`. */
export async function seal(
  value: unknown,
  passphrase: string,
  iterations = DEFAULT_ITERATIONS,
): Promise<Sealed> {
  const c = crypto();
  const salt = c.getRandomValues(new Uint8Array(16));
  const iv = c.getRandomValues(new Uint8Array(12));
  const key = await keyFor(passphrase, salt, iterations, 'encrypt');
  const plain = new host.TextEncoder().encode(JSON.stringify(value));
  const data = new Uint8Array(await c.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return {
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(data),
  };
}

/** Decrypt a sealed value; a wrong passphrase (or an edited file) throws SealError. */
export async function unseal(sealed: Sealed, passphrase: string): Promise<unknown> {
  const key = await keyFor(passphrase, fromBase64(sealed.kdf.salt), sealed.kdf.iterations, 'decrypt');
  let plain: ArrayBuffer;
  try {
    plain = await crypto().subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.cipher.iv) },
      key,
      fromBase64(sealed.data),
    );
  } catch {
    throw new SealError('challenge.wrong-passphrase');
  }
  try {
    return JSON.parse(new host.TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(plain)));
  } catch {
    throw new SealError('challenge.wrong-passphrase');
  }
}
