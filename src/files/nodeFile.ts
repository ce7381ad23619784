/** Reading a workbook from disk (Node only; the rest of src/files also runs in the browser). */
import { readFile } from "node:fs/promises";
import { constants as zlibConstants, inflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import type { PreflightOptions, RawInflate } from "./guard";
import { loadWorkbook } from "./read";
import { WorkbookReadError } from "./errors";

/** Output buffers are allocated in chunks of at most this (a lying declared size cannot make a huge one). */
const LARGEST_CHUNK = 32 * 1024 * 1024;

/** Node's error when output would pass maxOutputLength. */
const TOO_LARGE = "ERR_BUFFER_TOO_LARGE";

/**
 * The guard's inflater on Node: native zlib, several times faster than jszip's JavaScript one
 * (docs/benchmarks.md). maxOutputLength stops a zip bomb once it passes the budget.
 */
export const nodeInflateRaw: RawInflate = (compressed, maxBytes, expectedBytes) => {
  try {
    // One output chunk of the declared size (capped: the declaration may lie) spares zlib joining
    // 16 KB chunks. maxOutputLength must be at least 1; a longer result is refused by the guard.
    const chunkSize = Math.max(zlibConstants.Z_MIN_CHUNK, Math.min(expectedBytes + 1, maxBytes + 1, LARGEST_CHUNK));
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxBytes), chunkSize });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === TOO_LARGE) return null;
    throw err;
  }
};

/**
 * sheetsToRead: for a command that reads only some sheets, which ones (see PreflightOptions); the
 * workbook then holds only those. Left out, every sheet is loaded.
 */
export async function loadWorkbookFile(path: string, sheetsToRead?: PreflightOptions["sheetsToRead"]): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : code === "EACCES" ? "permission denied" : "cannot be read";
    throw new WorkbookReadError(reason, { cause: err });
  }
  return loadWorkbook(data, sheetsToRead ? { inflateRaw: nodeInflateRaw, sheetsToRead } : { inflateRaw: nodeInflateRaw });
}
