/**
 * Inflating zip entries in one call with an inflater the caller supplies (the command line gives
 * Node's native zlib, several times faster than jszip's JavaScript inflater). The entries are
 * still jszip's, so names and duplicates are exactly as exceljs (which uses jszip) will see them;
 * only the inflation changes. The checks are those of ./inflate: the byte budget is charged with
 * what the entry really inflates to, and an entry whose size differs from its declared size is
 * damaged (jszip, and so exceljs, would fail on it).
 */
import type JSZip from "jszip";
import { XlsxRejectedError } from "./errors";
import type { InflateBudget } from "./inflate";
import { formatBytes } from "./limits";

/**
 * Inflates raw DEFLATE data (zip method 8) in one call. Returns null when the output would be
 * more than maxBytes (without producing all of it); throws when the data is not valid DEFLATE.
 * expectedBytes is the size the zip declares: a hint for sizing buffers, never trusted.
 */
export type RawInflate = (compressed: Uint8Array, maxBytes: number, expectedBytes: number) => Uint8Array | null;

/** jszip's CompressedObject behind an entry read from a zip (ZipObject#_data), which its type declarations leave out. */
interface CompressedData {
  readonly uncompressedSize: number;
  readonly compression: { readonly magic: string };
  readonly compressedContent: Uint8Array;
}

const STORED = "\x00\x00";
const DEFLATED = "\x08\x00";

function isCompressedData(value: unknown): value is CompressedData {
  if (typeof value !== "object" || value === null) return false;
  const data = value as Partial<Record<keyof CompressedData, unknown>>;
  const compression = data.compression as { magic?: unknown } | null | undefined;
  return typeof data.uncompressedSize === "number" && data.compressedContent instanceof Uint8Array && (compression?.magic === STORED || compression?.magic === DEFLATED);
}

/** The entry's stored data, or null when jszip does not hold it as read from the file (the caller then uses jszip's streams). */
export function compressedDataOf(entry: JSZip.JSZipObject): CompressedData | null {
  const data = (entry as unknown as { _data?: unknown })._data;
  return isCompressedData(data) ? data : null;
}

export const damaged = (name: string, why: string): XlsxRejectedError =>
  new XlsxRejectedError("damaged", `The file is damaged: the zip entry "${name}" cannot be unpacked (${why}). Open it in Excel and save it again.`);

/**
 * The inflated bytes of an entry, charged to the budget. Throws XlsxRejectedError as inflateEntry does.
 * The inflater is never asked for more than the declared size + 1 byte, so a lying entry is not held
 * whole: null means it inflates to more than it declares, and the caller counts the rest with jszip's
 * streams (without keeping them) to tell a zip bomb (over the budget) from a damaged entry.
 */
export function inflateCompressed(name: string, data: CompressedData, budget: InflateBudget, inflateRaw: RawInflate): Uint8Array | null {
  let inflated: Uint8Array | null;
  const cap = Math.min(budget.remaining, data.uncompressedSize + 1);
  if (data.compression.magic === STORED) {
    inflated = data.compressedContent;
  } else {
    try {
      inflated = inflateRaw(data.compressedContent, cap, data.uncompressedSize);
    } catch (error) {
      throw damaged(name, error instanceof Error ? error.message : String(error));
    }
    if (inflated === null && cap < budget.remaining) return null;
  }
  if (inflated === null || inflated.length > budget.remaining) {
    throw new XlsxRejectedError("zip-bomb", `The workbook expands to more than ${formatBytes(budget.limit)} when opened (the limit; "${name}" alone passes ${formatBytes(budget.remaining)}); it is not read.`);
  }
  budget.remaining -= inflated.length;
  if (inflated.length !== data.uncompressedSize) throw damaged(name, "its size differs from the size the zip directory gives");
  return inflated;
}
