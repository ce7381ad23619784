/**
 * Reads a zip's central directory: the names and the declared sizes of its entries, without
 * inflating anything. The format is small (APPNOTE.TXT sections 4.3.12-4.3.16); parsing it here
 * keeps the guard typed and independent of jszip internals.
 */
import { XlsxRejectedError } from "./errors";
import { rejectionForNonZip } from "./sniff";

export interface ZipEntryInfo {
  /** As stored, with a leading "/" removed (exceljs drops it too). */
  name: string;
  /** 0 stored, 8 deflate; anything else exceljs cannot read. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

const damaged = (what: string): XlsxRejectedError =>
  new XlsxRejectedError("damaged", `The file is damaged: ${what}. Copy or download it again, or open it in Excel and save it again.`);

interface Directory {
  entryCount: number;
  offset: number;
  size: number;
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - EOCD_SIZE - MAX_COMMENT);
  for (let pos = view.byteLength - EOCD_SIZE; pos >= lowest; pos--) {
    if (view.getUint32(pos, true) === EOCD_SIGNATURE) return pos;
  }
  return -1;
}

function readU64(view: DataView, pos: number): number {
  const value = view.getBigUint64(pos, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged("a zip size is impossibly large");
  return Number(value);
}

function locateDirectory(view: DataView, eocd: number): Directory {
  const entryCount = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (entryCount !== U16_MAX && size !== U32_MAX && offset !== U32_MAX) {
    // Some writers prepend data (self-extractors); jszip then shifts offsets by the difference.
    const shift = eocd - size - offset;
    const start = shift > 0 && !hasSignatureAt(view, offset, CENTRAL_HEADER_SIGNATURE) ? offset + shift : offset;
    return { entryCount, size, offset: start };
  }
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) throw damaged("its ZIP64 directory is missing");
  const zip64Eocd = readU64(view, locator + 8);
  if (zip64Eocd + 56 > view.byteLength || view.getUint32(zip64Eocd, true) !== ZIP64_EOCD_SIGNATURE) throw damaged("its ZIP64 directory is missing");
  return { entryCount: readU64(view, zip64Eocd + 32), size: readU64(view, zip64Eocd + 40), offset: readU64(view, zip64Eocd + 48) };
}

function hasSignatureAt(view: DataView, pos: number, signature: number): boolean {
  return pos >= 0 && pos + 4 <= view.byteLength && view.getUint32(pos, true) === signature;
}

/** ZIP64 extended information: the 8-byte values, in order, for the 32-bit fields that are saturated. */
function applyZip64Extra(view: DataView, extraStart: number, extraEnd: number, sizes: { uncompressed: number; compressed: number }): void {
  for (let pos = extraStart; pos + 4 <= extraEnd; ) {
    const id = view.getUint16(pos, true);
    const length = view.getUint16(pos + 2, true);
    let field = pos + 4;
    const end = Math.min(field + length, extraEnd);
    if (id === ZIP64_EXTRA_ID) {
      if (sizes.uncompressed === U32_MAX && field + 8 <= end) {
        sizes.uncompressed = readU64(view, field);
        field += 8;
      }
      if (sizes.compressed === U32_MAX && field + 8 <= end) sizes.compressed = readU64(view, field);
      return;
    }
    pos += 4 + length;
  }
}

const nameDecoder = new TextDecoder("utf-8");

/**
 * The entries of a zip, or XlsxRejectedError when there is no readable directory.
 * Stops reading once there are more than maxEntries entries (the caller rejects that).
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.length >= EOCD_SIZE ? findEndOfCentralDirectory(view) : -1;
  if (eocd < 0) throw rejectionForNonZip(bytes);
  const directory = locateDirectory(view, eocd);
  if (directory.offset + directory.size > bytes.length) {
    throw new XlsxRejectedError("truncated", "The file is truncated or damaged: its zip directory points past the end of the file. Copy or download it again.");
  }
  const entries: ZipEntryInfo[] = [];
  let pos = directory.offset;
  for (let i = 0; i < directory.entryCount && entries.length <= maxEntries; i++) {
    if (pos + CENTRAL_HEADER_SIZE > bytes.length || view.getUint32(pos, true) !== CENTRAL_HEADER_SIGNATURE) throw damaged("its zip directory is corrupt");
    const flags = view.getUint16(pos + 8, true);
    const method = view.getUint16(pos + 10, true);
    const sizes = { compressed: view.getUint32(pos + 20, true), uncompressed: view.getUint32(pos + 24, true) };
    const nameLength = view.getUint16(pos + 28, true);
    const extraLength = view.getUint16(pos + 30, true);
    const commentLength = view.getUint16(pos + 32, true);
    const nameStart = pos + CENTRAL_HEADER_SIZE;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) throw damaged("its zip directory is corrupt");
    applyZip64Extra(view, extraStart, extraStart + extraLength, sizes);
    const name = nameDecoder.decode(bytes.subarray(nameStart, extraStart)).replace(/^\//, "");
    entries.push({ name, method, encrypted: (flags & 1) === 1, compressedSize: sizes.compressed, uncompressedSize: sizes.uncompressed });
    pos = next;
  }
  return entries;
}
