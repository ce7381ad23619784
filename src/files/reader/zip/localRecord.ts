/**
 * An entry's local record (APPNOTE 4.3.7): its local header, then the compressed data. The header's name and extra
 * field may differ in length from the central record's, so the data is found from the header itself, and checked to
 * lie within the bytes the caller allows (the file, or everything before the central directory).
 */
import type { ZipEntry } from "./directory";
import { quoted, ZipError } from "./zipError";

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
export const LOCAL_HEADER_SIZE = 30;

export interface LocalRecord {
  /** Where the local header starts (the entry's local header offset). */
  readonly start: number;
  /** The name's length in the local header (the name follows the fixed header). */
  readonly nameLength: number;
  /** The compressed data: [dataStart, dataEnd). */
  readonly dataStart: number;
  readonly dataEnd: number;
}

/** Throws ZipError ("damaged") when there is no local header where the directory says, or the data runs past limit. */
export function localRecordOf(bytes: Uint8Array, entry: ZipEntry, limit: number): LocalRecord {
  const start = entry.localHeaderOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (start + LOCAL_HEADER_SIZE > limit || view.getUint32(start, true) !== LOCAL_HEADER_SIGNATURE) {
    throw new ZipError("damaged", `the zip entry ${quoted(entry.name)} cannot be found where the archive says`);
  }
  const nameLength = view.getUint16(start + 26, true);
  const dataStart = start + LOCAL_HEADER_SIZE + nameLength + view.getUint16(start + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > limit) throw new ZipError("damaged", `the zip entry ${quoted(entry.name)} is cut short`);
  return { start, nameLength, dataStart, dataEnd };
}
