/**
 * What a file is when it is not a readable zip: the first bytes tell an old .xls, a
 * password-protected workbook, a text file renamed .xlsx, or a zip cut short.
 */
import { XlsxRejectedError } from "./errors";

/** The OLE2 compound file: old binary .xls, and also Excel's password-protected .xlsx. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
/** Excel stores an encrypted .xlsx in OLE2 under this stream name (UTF-16LE in the directory). */
const ENCRYPTED_PACKAGE = utf16le("EncryptedPackage");

function utf16le(text: string): number[] {
  return [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
}

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Printable text with no NUL bytes in the first KB: a CSV, HTML or similar renamed .xlsx. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control <= head.length / 100;
}

/** The error for bytes in which no zip directory was found. */
export function rejectionForNonZip(bytes: Uint8Array): XlsxRejectedError {
  if (bytes.length === 0) return new XlsxRejectedError("empty", "The file is empty (0 bytes): it is not an Excel workbook.");
  if (startsWith(bytes, OLE2_MAGIC)) {
    if (contains(bytes, ENCRYPTED_PACKAGE)) {
      return new XlsxRejectedError("encrypted", "The workbook is password-protected: open it in Excel, remove the password and save it again.");
    }
    return new XlsxRejectedError("old-xls", "This is an old .xls file: open it in Excel and save it as .xlsx (Excel Workbook).");
  }
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) {
    return new XlsxRejectedError("truncated", "The file is truncated or damaged: the zip directory at its end is missing. Copy or download it again.");
  }
  if (looksLikeText(bytes)) {
    return new XlsxRejectedError("not-zip", "This is a text file (CSV or similar), not an Excel workbook: open it in Excel and save it as .xlsx.");
  }
  return new XlsxRejectedError("not-zip", "This is not an Excel workbook (.xlsx files are zip archives, and this file is not one).");
}
