/**
 * Checks on what the zip directory declares, before anything is inflated: how many entries,
 * how big they say they are, how well they say they compress, and whether exceljs can read them.
 */
import { XlsxRejectedError } from "./errors";
import { formatBytes, formatCount, type XlsxLimits } from "./limits";
import type { ZipEntryInfo } from "./zipDirectory";

const STORED = 0;
const DEFLATE = 8;

export function checkDeclaredEntries(entries: readonly ZipEntryInfo[], fileSize: number, limits: XlsxLimits): void {
  if (entries.length > limits.maxEntries) {
    throw new XlsxRejectedError("too-many-entries", `The file holds more than ${formatCount(limits.maxEntries)} parts, more than any Excel workbook needs; it is not read.`);
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) {
      throw new XlsxRejectedError("encrypted", `The zip entry "${entry.name}" is encrypted: save the workbook from Excel without a password.`);
    }
    if (entry.method !== STORED && entry.method !== DEFLATE) {
      throw new XlsxRejectedError("unsupported-zip", `The zip entry "${entry.name}" uses compression method ${entry.method}, which Excel does not write: open the file in Excel and save it again.`);
    }
    if (entry.compressedSize > fileSize) {
      throw new XlsxRejectedError("truncated", `The file is truncated or damaged: the zip entry "${entry.name}" is larger than the file. Copy or download it again.`);
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressedBytes) {
      throw new XlsxRejectedError("zip-bomb", `The workbook would expand to more than ${formatBytes(limits.maxTotalUncompressedBytes)} when opened (the limit); it is not read.`);
    }
    checkRatio(entry, limits);
  }
}

function checkRatio(entry: ZipEntryInfo, limits: XlsxLimits): void {
  if (entry.uncompressedSize <= limits.ratioCheckMinBytes) return;
  if (entry.uncompressedSize <= entry.compressedSize * limits.maxCompressionRatio) return;
  const ratio = entry.compressedSize === 0 ? "an unbounded" : `a ${formatCount(Math.round(entry.uncompressedSize / entry.compressedSize))}:1`;
  throw new XlsxRejectedError(
    "zip-bomb",
    `The zip entry "${entry.name}" claims ${ratio} compression ratio (${formatBytes(entry.compressedSize)} expanding to ${formatBytes(entry.uncompressedSize)}; the limit is ${formatCount(limits.maxCompressionRatio)}:1): it looks like a zip bomb and is not read.`,
  );
}
