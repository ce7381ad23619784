#!/usr/bin/env node
/**
 * Writes the add-in icons (assets/icon-<size>.png): an NHS-blue rounded square
 * with a white "E" made of four rectangles. No image library: the PNG is built
 * by hand (RGBA, zlib from Node), and edges are anti-aliased by supersampling.
 *
 *   node scripts/make-icons.js            # writes 16, 32, 64, 80 and 128 px
 *
 * The PNGs are committed; run this again only to change the design.
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];
const NHS_BLUE = [0x00, 0x5e, 0xb8];
const WHITE = [0xff, 0xff, 0xff];
/** Samples per pixel along each axis (16 samples per pixel in all). */
const SUPERSAMPLE = 4;
/** Corner radius as a share of the icon's side. */
const CORNER = 0.2;

/** The "E", in unit coordinates (0..1, y down): a stem and three arms, the middle one shorter. */
const GLYPH = [
  { x0: 0.28, y0: 0.2, x1: 0.42, y1: 0.8 },
  { x0: 0.28, y0: 0.2, x1: 0.74, y1: 0.33 },
  { x0: 0.28, y0: 0.435, x1: 0.66, y1: 0.565 },
  { x0: 0.28, y0: 0.67, x1: 0.74, y1: 0.8 },
];

function insideRoundedSquare(x, y) {
  const r = CORNER;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideGlyph(x, y) {
  return GLYPH.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);
}

/** RGBA bytes of one pixel: coverage of the square sets alpha, coverage of the glyph mixes in white. */
function pixel(size, px, py) {
  let square = 0;
  let glyph = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
      const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
      const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
      if (!insideRoundedSquare(x, y)) continue;
      square += 1;
      if (insideGlyph(x, y)) glyph += 1;
    }
  }
  if (square === 0) return [0, 0, 0, 0];
  const white = glyph / square;
  const rgb = NHS_BLUE.map((c, i) => Math.round(c * (1 - white) + (WHITE[i] ?? 255) * white));
  return [...rgb, Math.round((255 * square) / SUPERSAMPLE ** 2)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A complete PNG file: 8-bit RGBA, no interlace, filter type 0 on every row. */
function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (1 + size * 4));
  let offset = 0;
  for (let y = 0; y < size; y += 1) {
    raw[offset] = 0;
    offset += 1;
    for (let x = 0; x < size; x += 1) {
      for (const byte of pixel(size, x, y)) {
        raw[offset] = byte;
        offset += 1;
      }
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

function main() {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, png(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { png, SIZES };
