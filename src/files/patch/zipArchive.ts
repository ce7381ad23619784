/**
 * A zip read for copying: each entry's central directory record and its local record (local header, compressed
 * data, data descriptor) as byte ranges of the original file, so that an entry left unchanged is written back
 * byte for byte. The central directory is parsed by the reader's zip layer (../reader/zip/directory.ts), the one
 * parser of it; nothing is inflated here (./inflatePart.ts reads the few parts that are edited).
 *
 * Checked before anything is written (APPNOTE.TXT 4.3.6-4.3.16), each failure a WorkbookReadError: the directory
 * is readable and lies before its end record; every local record lies before the directory and repeats its central
 * record's name (and sizes, when it has no data descriptor); no two local records overlap (overlapping entries are
 * a zip-bomb trick, and a copy of them would not be the same zip); no two entries share a name. Bytes outside every
 * entry (a self-extractor's stub, gaps) are not part of the workbook and are not copied. ZIP64 archives (over 4 GB
 * or 65,535 entries; no workbook this tool reads comes near either), which the reader reads but ./zipWrite.ts does
 * not write, and archives split over several disks are refused with a message saying so.
 */
import { WorkbookReadError } from "../errors";
import { readEndRecord, readZipDirectory, type ZipDirectory, type ZipEntry } from "../reader/zip/directory";
import { LOCAL_HEADER_SIZE, localRecordOf } from "../reader/zip/localRecord";
import { ZipError } from "../reader/zip/zipError";

/** A zip entry as the directory lists it, with its local record in the original file. */
export interface StoredEntry extends ZipEntry {
  /** The local header, the compressed data and any data descriptor, verbatim. */
  readonly localRecord: Uint8Array;
  /** The compressed data. */
  readonly data: Uint8Array;
}

export interface ZipArchive {
  /** In central directory order. */
  readonly entries: readonly StoredEntry[];
  /** The archive comment, verbatim. */
  readonly comment: Uint8Array;
}

const DESCRIPTOR_SIGNATURE = 0x08074b50;
/** General purpose flag bit 3: sizes and CRC follow the data in a data descriptor. */
export const FLAG_DATA_DESCRIPTOR = 0x0008;

export function damaged(what: string): WorkbookReadError {
  return new WorkbookReadError(`the workbook's zip structure is damaged (${what}); open it in Excel and save it again`);
}

function zip64Refused(): WorkbookReadError {
  return new WorkbookReadError("the workbook is a ZIP64 archive (over 4 GB or 65,535 parts), which cannot be stamped");
}

function splitRefused(): WorkbookReadError {
  return new WorkbookReadError("the workbook is a zip archive split over several files, which cannot be stamped");
}

/** The zip layer's failures, in the stamp's words (../reader/zip/zipError.ts). */
function stampErrorOf(error: ZipError): WorkbookReadError {
  switch (error.failure) {
    case "not-zip":
      return new WorkbookReadError("not a workbook: it is not a zip archive (an .xlsx or .xlsm file is one)", { cause: error });
    case "damaged":
    case "larger-than-declared":
      return damaged(error.message);
    case "encrypted":
    case "too-many-entries":
    case "too-much-inflated":
      return new WorkbookReadError(`the workbook cannot be stamped: ${error.message}`, { cause: error });
  }
}

/** Runs a step of the zip layer, its failures turned into the stamp's WorkbookReadError. */
export function inZipLayer<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ZipError) throw stampErrorOf(error);
    throw error;
  }
}

function readDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  return inZipLayer(() => {
    const end = readEndRecord(bytes);
    // Refused before the directory is read, so that a ZIP64 archive is named as one whatever else is wrong with it.
    if (end.zip64) throw zip64Refused();
    if (end.multiDisk) throw splitRefused();
    return readZipDirectory(bytes, maxEntries, end);
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const CENTRAL_HEADER_SIZE = 46;

/** The entry's local record, checked against its central record; directoryStart bounds it. */
function withLocalRecord(bytes: Uint8Array, entry: ZipEntry, directoryStart: number): StoredEntry {
  if (entry.zip64) throw zip64Refused();
  const central = new DataView(entry.centralRecord.buffer, entry.centralRecord.byteOffset, entry.centralRecord.byteLength);
  if (central.getUint16(34, true) !== 0) throw splitRefused();
  const local = inZipLayer(() => localRecordOf(bytes, entry, directoryStart));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const localName = bytes.subarray(local.start + LOCAL_HEADER_SIZE, local.start + LOCAL_HEADER_SIZE + local.nameLength);
  const centralName = entry.centralRecord.subarray(CENTRAL_HEADER_SIZE, CENTRAL_HEADER_SIZE + central.getUint16(28, true));
  if (!sameBytes(localName, centralName)) throw damaged(`the entry "${entry.name}" has two names`);
  let end = local.dataEnd;
  if (entry.flags & FLAG_DATA_DESCRIPTOR) {
    // CRC and sizes follow the data, with or without the descriptor's (optional) signature.
    end += end + 4 <= directoryStart && view.getUint32(end, true) === DESCRIPTOR_SIGNATURE ? 16 : 12;
    if (end > directoryStart) throw damaged(`the entry "${entry.name}" runs past its end`);
  } else if (view.getUint32(local.start + 18, true) !== entry.compressedSize || view.getUint32(local.start + 22, true) !== entry.declaredSize) {
    throw damaged(`the entry "${entry.name}" has two sizes`);
  }
  return { ...entry, localRecord: bytes.subarray(local.start, end), data: bytes.subarray(local.dataStart, local.dataEnd) };
}

function refuseOverlaps(entries: readonly StoredEntry[]): void {
  const laidOut = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < laidOut.length; i++) {
    const before = laidOut[i - 1];
    const after = laidOut[i];
    if (before && after && before.localHeaderOffset + before.localRecord.length > after.localHeaderOffset) throw damaged(`the entries "${before.name}" and "${after.name}" overlap`);
  }
}

/** A part's name as OPC compares them: without a leading "/", case-insensitive. */
export function partKey(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

function refuseDuplicateNames(entries: readonly StoredEntry[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = partKey(entry.name);
    if (seen.has(key)) throw damaged(`two entries are named "${entry.name}"`);
    seen.add(key);
  }
}

/** The zip's entries, checked; throws WorkbookReadError when the structure is damaged or has more than maxEntries entries. */
export function readZipArchive(bytes: Uint8Array, maxEntries: number): ZipArchive {
  const directory = readDirectory(bytes, maxEntries);
  const entries = directory.entries.map((entry) => withLocalRecord(bytes, entry, directory.offset));
  refuseOverlaps(entries);
  refuseDuplicateNames(entries);
  return { entries, comment: directory.end.comment };
}
