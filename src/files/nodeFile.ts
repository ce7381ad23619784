/** Opening a workbook file from disk (Node only; the rest of src/files also runs in the browser). */
import { readFile } from "node:fs/promises";
import { constants as zlibConstants, inflateRawSync } from "node:zlib";
import { XlsxGateway } from "./gateway/xlsxGateway";
import type { PreflightOptions, RawInflate } from "./guard";
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

/** The file's bytes; a missing or unreadable file throws WorkbookReadError saying why. */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : code === "EACCES" ? "permission denied" : "cannot be read";
    throw new WorkbookReadError(reason, { cause: err });
  }
}

/**
 * The workbook file as a gateway, through the guard once. sheetsToRead: for a command that reads only some
 * sheets, which ones (see PreflightOptions); the workbook then holds only those. Left out, every sheet is loaded.
 */
export async function openWorkbookFile(path: string, sheetsToRead?: PreflightOptions["sheetsToRead"]): Promise<XlsxGateway> {
  const bytes = await readFileBytes(path);
  return XlsxGateway.open(bytes, sheetsToRead ? { inflateRaw: nodeInflateRaw, sheetsToRead } : { inflateRaw: nodeInflateRaw });
}
