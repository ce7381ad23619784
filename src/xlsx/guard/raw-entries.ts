/**
 * Reading zip entries straight from the bytes, with an inflater the caller supplies (the command
 * line gives Node's native zlib, several times faster than jszip's JavaScript inflater). Used
 * instead of jszip's streams when an inflater is injected; the checks are the same: the byte
 * budget is charged with what each entry really inflates to, and an entry whose size differs from
 * its declared size is damaged (jszip, and so exceljs, would fail on it).
 */
import { XlsxRejectedError } from "./errors";
import type { InflateBudget } from "./inflate";
import { formatBytes } from "./limits";
import type { ZipEntryInfo } from "./zip-directory";

/**
 * Inflates raw DEFLATE data (zip method 8) in one call. Returns null when the output would be
 * more than maxBytes (without producing all of it); throws when the data is not valid DEFLATE.
 * expectedBytes is the size the zip directory declares: a hint for sizing buffers, never trusted.
 */
export type RawInflate = (compressed: Uint8Array, maxBytes: number, expectedBytes: number) => Uint8Array | null;

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const STORED = 0;

const damaged = (entry: ZipEntryInfo, why: string): XlsxRejectedError =>
  new XlsxRejectedError("damaged", `The file is damaged: the zip entry "${entry.name}" cannot be unpacked (${why}). Open it in Excel and save it again.`);

/** The entry's data as stored in the file (still deflated for method 8). */
function storedData(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const at = entry.localHeaderOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + LOCAL_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER_SIGNATURE) throw damaged(entry, "its local header is missing");
  // The local header's own name and extra lengths say where the data starts (they may differ from the directory's).
  const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged(entry, "it runs past the end of the file");
  return bytes.subarray(start, end);
}

function overBudget(entry: ZipEntryInfo, budget: InflateBudget, size: number): XlsxRejectedError {
  return new XlsxRejectedError("zip-bomb", `The workbook expands to more than ${formatBytes(budget.limit)} when opened (the limit; "${entry.name}" alone passes ${formatBytes(size)}); it is not read.`);
}

/** The inflated bytes of an entry, charged to the budget. Throws XlsxRejectedError as inflateEntry does. */
export function inflateRawEntry(bytes: Uint8Array, entry: ZipEntryInfo, budget: InflateBudget, inflateRaw: RawInflate): Uint8Array {
  const data = storedData(bytes, entry);
  let inflated: Uint8Array | null;
  if (entry.method === STORED) {
    inflated = data.length > budget.remaining ? null : data;
  } else {
    try {
      inflated = inflateRaw(data, budget.remaining, entry.uncompressedSize);
    } catch (error) {
      throw damaged(entry, error instanceof Error ? error.message : String(error));
    }
  }
  if (inflated === null || inflated.length > budget.remaining) throw overBudget(entry, budget, budget.remaining);
  budget.remaining -= inflated.length;
  if (inflated.length !== entry.uncompressedSize) throw damaged(entry, "its size differs from the size the zip directory gives");
  return inflated;
}
