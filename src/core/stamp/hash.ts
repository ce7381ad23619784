/**
 * SHA-256 (FIPS 180-4) of a text's UTF-8 bytes, in plain TypeScript: the core runs in every host (browser,
 * Office's webviews, the worker, Node) and compiles without DOM or Node types, so it cannot lean on
 * Web Crypto or node:crypto. Checked against node:crypto in test/core/stamp/hash.test.ts. Incremental (Sha256:
 * update, then digestHex), so a return's canonical text is hashed piece by piece and never built as one string:
 * a return of a thousand rows with a megabyte of notes each would be past the longest string JavaScript allows.
 */

const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The text's UTF-8 bytes (lone surrogates as U+FFFD, as TextEncoder does). */
export function utf8Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(bytes);
}

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

const INITIAL_STATE = Uint32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);
/** Two hex digits per byte value, so a digest is written without formatting each word. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
/** Bytes encoded before they are hashed: a code unit takes at most 3 (a surrogate pair, 4 for 2 units). */
const SCRATCH_BYTES = 24_576;
const NO_PENDING = -1;
/**
 * Working memory shared by every hash: each update and each block is done before the next begins (nothing here
 * awaits), and a stamp makes a hash per field, so 24 KB per hash would be a hundred thousand allocations a stamp.
 */
const SCRATCH = new Uint8Array(SCRATCH_BYTES);
const SCHEDULE = new Uint32Array(64);

/**
 * SHA-256 fed in pieces. Texts are hashed as their UTF-8 bytes (lone surrogates as U+FFFD, as TextEncoder does),
 * and a surrogate pair split between two updates is joined again, so hashing pieces is hashing their concatenation.
 */
export class Sha256 {
  private readonly state = INITIAL_STATE.slice();
  private readonly block = new Uint8Array(64);
  /** Bytes waiting in block. */
  private filled = 0;
  /** Bytes hashed so far (exact up to 2^53). */
  private length = 0;
  /** A high surrogate that ended the last text, waiting for the low half that may start the next. */
  private pendingHigh = NO_PENDING;
  private done = false;

  updateBytes(bytes: Uint8Array): this {
    this.assertOpen();
    this.length += bytes.length;
    let offset = 0;
    if (this.filled > 0) {
      const take = Math.min(64 - this.filled, bytes.length);
      this.block.set(bytes.subarray(0, take), this.filled);
      this.filled += take;
      offset = take;
      if (this.filled < 64) return this;
      this.compress(this.block, 0);
      this.filled = 0;
    }
    for (; offset + 64 <= bytes.length; offset += 64) this.compress(bytes, offset);
    this.block.set(bytes.subarray(offset), 0);
    this.filled = bytes.length - offset;
    return this;
  }

  update(text: string): this {
    this.assertOpen();
    if (text.length === 0) return this;
    const out = SCRATCH;
    // Room for the next code point (at most 4 bytes) is kept at every step.
    const flushAt = out.length - 4;
    const length = text.length;
    let n = 0;
    let i = 0;
    if (this.pendingHigh !== NO_PENDING) {
      const first = text.charCodeAt(0);
      const joined = first >= 0xdc00 && first <= 0xdfff;
      n = putCode(out, n, joined ? 0x10000 + ((this.pendingHigh - 0xd800) << 10) + (first - 0xdc00) : 0xfffd);
      this.pendingHigh = NO_PENDING;
      if (joined) i = 1;
    }
    for (; i < length; i++) {
      if (n > flushAt) {
        this.updateBytes(out.subarray(0, n));
        n = 0;
      }
      let code = text.charCodeAt(i);
      // Most of a canonical return is ASCII: one byte each, written here without a call.
      if (code < 0x80) {
        out[n++] = code;
        continue;
      }
      if (code >= 0xd800 && code <= 0xdbff) {
        if (i + 1 === length) {
          // The last unit of this text: its low half may begin the next one.
          this.pendingHigh = code;
          break;
        }
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i++;
        }
      }
      n = putCode(out, n, code >= 0xd800 && code <= 0xdfff ? 0xfffd : code);
    }
    if (n > 0) this.updateBytes(out.subarray(0, n));
    return this;
  }

  /** The digest as 64 lower-case hex digits; the hash takes no more input after it. */
  digestHex(): string {
    this.assertOpen();
    if (this.pendingHigh !== NO_PENDING) {
      this.pendingHigh = NO_PENDING;
      this.update("\ufffd");
    }
    this.done = true;
    // Padding: 0x80, zeros, then the length in bits as a 64-bit big-endian number, to a multiple of 64 bytes.
    const bits = { high: Math.floor(this.length / 0x20000000), low: (this.length % 0x20000000) * 8 };
    const block = this.block;
    block[this.filled] = 0x80;
    block.fill(0, this.filled + 1);
    if (this.filled >= 56) {
      this.compress(block, 0);
      block.fill(0);
    }
    const view = new DataView(block.buffer, block.byteOffset, 64);
    view.setUint32(56, bits.high);
    view.setUint32(60, bits.low);
    this.compress(block, 0);
    let hex = "";
    for (const word of this.state) hex += (HEX[word >>> 24] as string) + (HEX[(word >>> 16) & 255] as string) + (HEX[(word >>> 8) & 255] as string) + (HEX[word & 255] as string);
    return hex;
  }

  private assertOpen(): void {
    if (this.done) throw new Error("this SHA-256 has already given its digest");
  }

  /** One 64-byte block of bytes, from offset. */
  private compress(bytes: Uint8Array, offset: number): void {
    const w = SCHEDULE;
    const h = this.state;
    for (let t = 0; t < 16; t++) {
      const i = offset + t * 4;
      w[t] = (((bytes[i] as number) << 24) | ((bytes[i + 1] as number) << 16) | ((bytes[i + 2] as number) << 8) | (bytes[i + 3] as number)) >>> 0;
    }
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15] as number;
      const w2 = w[t - 2] as number;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) >>> 0;
    }
    // Plain locals (not destructuring, which walks the typed array's iterator once per block).
    let a = h[0] as number;
    let b = h[1] as number;
    let c = h[2] as number;
    let d = h[3] as number;
    let e = h[4] as number;
    let f = h[5] as number;
    let g = h[6] as number;
    let hh = h[7] as number;
    for (let t = 0; t < 64; t++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + s1 + ch + (K[t] as number) + (w[t] as number)) >>> 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = ((h[0] as number) + a) >>> 0;
    h[1] = ((h[1] as number) + b) >>> 0;
    h[2] = ((h[2] as number) + c) >>> 0;
    h[3] = ((h[3] as number) + d) >>> 0;
    h[4] = ((h[4] as number) + e) >>> 0;
    h[5] = ((h[5] as number) + f) >>> 0;
    h[6] = ((h[6] as number) + g) >>> 0;
    h[7] = ((h[7] as number) + hh) >>> 0;
  }
}

/** Writes one code point's UTF-8 bytes at n; returns the position after them. */
function putCode(out: Uint8Array, n: number, code: number): number {
  let at = n;
  if (code < 0x80) out[at++] = code;
  else if (code < 0x800) {
    out[at++] = 0xc0 | (code >> 6);
    out[at++] = 0x80 | (code & 63);
  } else if (code < 0x10000) {
    out[at++] = 0xe0 | (code >> 12);
    out[at++] = 0x80 | ((code >> 6) & 63);
    out[at++] = 0x80 | (code & 63);
  } else {
    out[at++] = 0xf0 | (code >> 18);
    out[at++] = 0x80 | ((code >> 12) & 63);
    out[at++] = 0x80 | ((code >> 6) & 63);
    out[at++] = 0x80 | (code & 63);
  }
  return at;
}

/** The SHA-256 digest of the bytes, as 64 lower-case hex digits. */
export function sha256HexOfBytes(message: Uint8Array): string {
  return new Sha256().updateBytes(message).digestHex();
}

/** SHA-256 of the text's UTF-8 bytes. Async as Web Crypto's is, so callers need not change if it returns. */
export async function sha256Hex(text: string): Promise<string> {
  return new Sha256().update(text).digestHex();
}

/** SHA-256 of the pieces' concatenation, without ever building it. */
export async function sha256HexOfPieces(pieces: Iterable<string>): Promise<string> {
  const hash = new Sha256();
  for (const piece of pieces) hash.update(piece);
  return hash.digestHex();
}
