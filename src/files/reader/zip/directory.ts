/**
 * The zip's central directory (APPNOTE.TXT 4.3.12-4.3.16, with ZIP64), read from the bytes without inflating
 * anything: the one parser of it, for the reader (./index.ts) and for the stamp's in-place edit
 * (../../patch/zipArchive.ts, which adds each entry's local record and refuses what it cannot write back).
 * Nothing it declares is trusted further than it can be checked: offsets are checked against the file, sizes only
 * bound what ./inflate.ts lets an entry produce.
 */
import { ZipError } from "./zipError";

export interface ZipEntry {
  /** As stored (a leading "/" and backslashes normalised away). */
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** General purpose bit flags (bit 0: encrypted; bit 3: a data descriptor follows the data). */
  readonly flags: number;
  readonly encrypted: boolean;
  /** Declared; checked only by the stamp, which writes parts back (../../patch/inflatePart.ts). */
  readonly crc32: number;
  readonly compressedSize: number;
  /** Declared: an entry that inflates to more is damaged (./inflate.ts). */
  readonly declaredSize: number;
  readonly localHeaderOffset: number;
  /** The central directory record as stored (name, extra field and comment included): a view, not a copy. */
  readonly centralRecord: Uint8Array;
  /** Whether the record saturates a 32-bit size or offset, or its disk number (its value is then in a ZIP64 extra field). */
  readonly zip64: boolean;
}

/** The end of central directory record (APPNOTE 4.3.16), as stored. */
export interface EndRecord {
  /** Where the record starts. */
  readonly at: number;
  /** The archive comment, as stored (a view, not a copy). */
  readonly comment: Uint8Array;
  /** Whether the archive is ZIP64: a field of this record saturated, or a ZIP64 locator before it. */
  readonly zip64: boolean;
  /** Whether the record says the archive is split over several files (disks). */
  readonly multiDisk: boolean;
}

export interface ZipDirectory {
  readonly end: EndRecord;
  /** In directory order. */
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts (every local record lies before it). */
  readonly offset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_EOCD_SIZE = 56;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

const unreadable = (): ZipError => new ZipError("damaged", "the zip archive cannot be read");

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The last end record whose comment ends within the file (the signature may also occur inside a comment). */
function findEndOfCentralDirectory(view: DataView): number {
  if (view.byteLength < EOCD_SIZE) return -1;
  const lowest = Math.max(0, view.byteLength - EOCD_SIZE - MAX_COMMENT);
  for (let pos = view.byteLength - EOCD_SIZE; pos >= lowest; pos--) {
    if (view.getUint32(pos, true) === EOCD_SIGNATURE && pos + EOCD_SIZE + view.getUint16(pos + 20, true) <= view.byteLength) return pos;
  }
  return -1;
}

function hasSignatureAt(view: DataView, pos: number, signature: number): boolean {
  return pos >= 0 && pos + 4 <= view.byteLength && view.getUint32(pos, true) === signature;
}

function readU64(view: DataView, pos: number): number {
  if (pos + 8 > view.byteLength) throw unreadable();
  const value = view.getBigUint64(pos, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadable();
  return Number(value);
}

/** The 32-bit fields of the end record: all the directory needs unless one is saturated (ZIP64). */
interface EndFields {
  readonly entryCount: number;
  readonly size: number;
  readonly offset: number;
}

function endFields(view: DataView, eocd: number): EndFields {
  return { entryCount: view.getUint16(eocd + 10, true), size: view.getUint32(eocd + 12, true), offset: view.getUint32(eocd + 16, true) };
}

function isSaturated(fields: EndFields): boolean {
  return fields.entryCount === U16_MAX || fields.size === U32_MAX || fields.offset === U32_MAX;
}

/** Throws ZipError ("not-zip") when the bytes end with no end record: not a zip, or one cut short. */
export function readEndRecord(bytes: Uint8Array): EndRecord {
  const view = viewOf(bytes);
  const at = findEndOfCentralDirectory(view);
  if (at < 0) throw new ZipError("not-zip", "the zip directory at its end is missing");
  const disk = view.getUint16(at + 4, true);
  const directoryDisk = view.getUint16(at + 6, true);
  const entriesOnDisk = view.getUint16(at + 8, true);
  const fields = endFields(view, at);
  const zip64 = isSaturated(fields) || entriesOnDisk === U16_MAX || hasSignatureAt(view, at - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIGNATURE);
  return {
    at,
    comment: bytes.subarray(at + EOCD_SIZE, at + EOCD_SIZE + view.getUint16(at + 20, true)),
    zip64,
    multiDisk: disk !== 0 || directoryDisk !== 0 || (!zip64 && entriesOnDisk !== fields.entryCount),
  };
}

interface DirectoryLocation extends EndFields {
  /** Where the directory must end: the end record, or the ZIP64 end record before it. */
  readonly limit: number;
  /** Bytes prepended to the archive (a self-extractor): every stored offset is short by this much. */
  readonly shift: number;
}

function locateDirectory(view: DataView, eocd: number): DirectoryLocation {
  const fields = endFields(view, eocd);
  if (!isSaturated(fields)) {
    // Data prepended to the archive (a self-extractor) shifts every offset by the same amount.
    const shift = eocd - fields.size - fields.offset;
    const shifted = shift > 0 && !hasSignatureAt(view, fields.offset, CENTRAL_HEADER_SIGNATURE);
    return { ...fields, offset: shifted ? fields.offset + shift : fields.offset, shift: shifted ? shift : 0, limit: eocd };
  }
  const locator = eocd - ZIP64_LOCATOR_SIZE;
  if (!hasSignatureAt(view, locator, ZIP64_LOCATOR_SIGNATURE)) throw unreadable();
  const zip64Eocd = readU64(view, locator + 8);
  if (zip64Eocd + ZIP64_EOCD_SIZE > locator || !hasSignatureAt(view, zip64Eocd, ZIP64_EOCD_SIGNATURE)) throw unreadable();
  return { entryCount: readU64(view, zip64Eocd + 32), size: readU64(view, zip64Eocd + 40), offset: readU64(view, zip64Eocd + 48), shift: 0, limit: zip64Eocd };
}

interface Sizes {
  compressed: number;
  declared: number;
  localHeaderOffset: number;
}

/** ZIP64 extended information: 8-byte values, in this order, for the 32-bit fields that are saturated. */
function applyZip64Extra(view: DataView, extraStart: number, extraEnd: number, sizes: Sizes): void {
  for (let pos = extraStart; pos + 4 <= extraEnd; ) {
    const id = view.getUint16(pos, true);
    const length = view.getUint16(pos + 2, true);
    let field = pos + 4;
    const end = Math.min(field + length, extraEnd);
    if (id === ZIP64_EXTRA_ID) {
      for (const key of ["declared", "compressed", "localHeaderOffset"] as const) {
        if (sizes[key] !== U32_MAX) continue;
        if (field + 8 > end) throw unreadable();
        sizes[key] = readU64(view, field);
        field += 8;
      }
      return;
    }
    pos += 4 + length;
  }
}

const nameDecoder = new TextDecoder("utf-8");

function normaliseName(raw: string): string {
  return raw.replace(/\\/g, "/").replace(/^\/+/, "");
}

function readCentralRecord(bytes: Uint8Array, view: DataView, pos: number, directoryEnd: number, shift: number): ZipEntry {
  if (pos + CENTRAL_HEADER_SIZE > directoryEnd || view.getUint32(pos, true) !== CENTRAL_HEADER_SIGNATURE) throw unreadable();
  const flags = view.getUint16(pos + 8, true);
  const sizes: Sizes = { compressed: view.getUint32(pos + 20, true), declared: view.getUint32(pos + 24, true), localHeaderOffset: view.getUint32(pos + 42, true) };
  const zip64 = sizes.compressed === U32_MAX || sizes.declared === U32_MAX || sizes.localHeaderOffset === U32_MAX || view.getUint16(pos + 34, true) === U16_MAX;
  const nameStart = pos + CENTRAL_HEADER_SIZE;
  const extraStart = nameStart + view.getUint16(pos + 28, true);
  const extraEnd = extraStart + view.getUint16(pos + 30, true);
  const end = extraEnd + view.getUint16(pos + 32, true);
  if (end > directoryEnd) throw unreadable();
  applyZip64Extra(view, extraStart, extraEnd, sizes);
  return {
    name: normaliseName(nameDecoder.decode(bytes.subarray(nameStart, extraStart))),
    method: view.getUint16(pos + 10, true),
    flags,
    encrypted: (flags & 1) === 1,
    crc32: view.getUint32(pos + 16, true),
    compressedSize: sizes.compressed,
    declaredSize: sizes.declared,
    localHeaderOffset: sizes.localHeaderOffset + shift,
    centralRecord: bytes.subarray(pos, end),
    zip64,
  };
}

/**
 * The archive's entries, in directory order. Throws ZipError when there is no readable directory, or when it lists
 * more than maxEntries entries (checked before any entry is read). end: the end record, when already read.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number, end: EndRecord = readEndRecord(bytes)): ZipDirectory {
  const view = viewOf(bytes);
  const directory = locateDirectory(view, end.at);
  if (directory.entryCount > maxEntries) {
    throw new ZipError("too-many-entries", `the zip archive holds ${directory.entryCount.toLocaleString("en-GB")} entries, more than the limit of ${maxEntries.toLocaleString("en-GB")}`);
  }
  const directoryEnd = directory.offset + directory.size;
  if (directoryEnd > directory.limit) throw unreadable();
  const entries: ZipEntry[] = [];
  let pos = directory.offset;
  for (let i = 0; i < directory.entryCount; i++) {
    const entry = readCentralRecord(bytes, view, pos, directoryEnd, directory.shift);
    entries.push(entry);
    pos += entry.centralRecord.length;
  }
  return { end, entries, offset: directory.offset };
}
