/**
 * Element and attribute names from UTF-8 bytes. A part uses a few dozen distinct element names a
 * million times each, so each name is made into a string once and found again by its bytes (the
 * cache is bounded: a hostile part with millions of distinct names only costs a decode per name).
 */
import { XmlSyntaxError } from "./syntaxError";

export interface XmlName {
  /** As written, with any prefix: closing tags must match it exactly. */
  readonly qualified: string;
  /** Without its prefix: SpreadsheetML read by local name reads <x:c> as <c>. */
  readonly local: string;
}

const MAX_CACHED = 4_096;
/** Names longer than this are not cached (SpreadsheetML's longest are about 30 bytes). */
const MAX_CACHED_BYTES = 64;

const decoder = new TextDecoder("utf-8");

/** Name-start characters, as far as a byte tells: ASCII letters, "_", ":" and any non-ASCII character. */
export function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80;
}

/** Name characters: the start characters, digits, "-" and ".". */
export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

function nameOf(qualified: string): XmlName {
  const colon = qualified.indexOf(":");
  return { qualified, local: colon < 0 ? qualified : qualified.slice(colon + 1) };
}

interface Cached {
  readonly bytes: Uint8Array;
  readonly name: XmlName;
}

export class NameCache {
  private readonly byHash = new Map<number, Cached>();

  /** The name written in bytes[from, to) (already checked to be a name). */
  nameAt(bytes: Uint8Array, from: number, to: number): XmlName {
    const length = to - from;
    if (length > MAX_CACHED_BYTES) return nameOf(decoder.decode(bytes.subarray(from, to)));
    let hash = length;
    for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + bytes[i]!) | 0;
    const cached = this.byHash.get(hash);
    if (cached !== undefined && sameBytes(cached.bytes, bytes, from, to)) return cached.name;
    const name = nameOf(decoder.decode(bytes.subarray(from, to)));
    if (cached === undefined && this.byHash.size < MAX_CACHED) this.byHash.set(hash, { bytes: bytes.slice(from, to), name });
    return name;
  }
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, from: number, to: number): boolean {
  if (known.length !== to - from) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[from + i]) return false;
  return true;
}

/** The end of the name starting at from (its first byte checked to start a name): the first byte that is not a name character. */
export function nameEnd(bytes: Uint8Array, from: number, to: number): number {
  if (from >= to) return from;
  if (!isNameStart(bytes[from]!)) throw new XmlSyntaxError(`a name that starts with the character ${JSON.stringify(String.fromCharCode(bytes[from]!))}`);
  let i = from + 1;
  while (i < to && isNameChar(bytes[i]!)) i++;
  return i;
}
