// Runtime: Node (one-off asset script). Draws the app icon — a bell curve of sand grains on a
// sand-coloured tile — and writes it as PNG at the sizes electron-builder wants. No dependencies:
// 4×4 supersampled rasterising, PNG chunks by hand, zlib from Node. Run: node build/icons/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

const SAND_TOP = [244, 226, 178];
const SAND_BOTTOM = [222, 184, 112];
const TEAL = [31, 95, 91];
const GRAIN = [20, 66, 63];
const RULE = [92, 64, 30];

const bell = (x) => 0.78 - 0.46 * Math.exp(-(((x - 0.5) / 0.13) ** 2) / 2);

// Deterministic grains above the curve (a tiny LCG, so the icon never changes between runs).
let seed = 20251123;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const grains = Array.from({ length: 26 }, () => {
  const x = 0.2 + 0.6 * rand();
  return { x, y: bell(x) - 0.05 - 0.1 * rand(), r: 0.014 + 0.008 * rand() };
});

function insideRoundedRect(x, y, margin, radius) {
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Colour at a point of the unit square, or null outside the tile. */
function shade(x, y) {
  if (!insideRoundedRect(x, y, 0.04, 0.19)) return null;
  if (y >= 0.78 && y <= 0.805 && x >= 0.12 && x <= 0.88) return RULE;
  if (x >= 0.12 && x <= 0.88 && y < 0.78 && y >= bell(x)) return TEAL;
  if (grains.some((g) => (x - g.x) ** 2 + (y - g.y) ** 2 <= g.r ** 2)) return GRAIN;
  return SAND_TOP.map((c, i) => Math.round(c + (SAND_BOTTOM[i] - c) * y));
}

function render(size) {
  const SS = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) acc[i] += c[i];
          acc[3] += 1;
        }
      }
      const o = 1 + px * 4;
      if (acc[3] > 0) for (let i = 0; i < 3; i++) row[o + i] = Math.round(acc[i] / acc[3]);
      row[o + 3] = Math.round((255 * acc[3]) / (SS * SS));
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}
function png(size, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [1024, 512, 256, 128, 64, 32, 16]) {
  writeFileSync(join(here, `${size}x${size}.png`), render(size));
}
console.log('make-icons: wrote build/icons/{1024,512,256,128,64,32,16}x*.png');
