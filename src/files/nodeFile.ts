/** Opening a workbook file from disk (Node only; the rest of src/files also runs in the browser). */
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { inflateRawSync } from "node:zlib";
import { DEFAULT_READ_LIMITS, readWorkbookBytes, ReadOnlyWorkbook, type RawInflater, type ReadOptions } from "./reader";
import { WorkbookReadError } from "./errors";
import { formatBytes } from "./reader/budget";

function reasonFor(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return "cannot be read";
}

/**
 * The file's bytes; a missing or unreadable file, anything but a regular file (a folder, a pipe, a device) or a
 * file over the size limit throws WorkbookReadError saying why, before anything is read into memory.
 */
export async function readFileBytes(path: string, maxBytes: number = DEFAULT_READ_LIMITS.maxFileBytes): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (err) {
    throw new WorkbookReadError(reasonFor(err), { cause: err });
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new WorkbookReadError("a folder, not a file");
    if (!stats.isFile()) throw new WorkbookReadError("not a regular file (a pipe, socket or device)");
    if (stats.size > maxBytes) throw new WorkbookReadError(`the file is ${formatBytes(stats.size)}, over the ${formatBytes(maxBytes)} limit for a workbook`);
    return await handle.readFile();
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw new WorkbookReadError(reasonFor(err), { cause: err });
  } finally {
    await handle.close();
  }
}

/**
 * Node's zlib for the reader (./reader/zip/inflate.ts): about five times faster than fflate on a large worksheet.
 * maxOutputLength stops it one byte past the limit, so an entry that lies about its size costs no more.
 */
export const nodeInflateRaw: RawInflater = (compressed, maxBytes) => {
  try {
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw error;
  }
};

/**
 * The workbook file, read (./reader: the same reading as the task pane's and the workbench's). sheetsToRead: for
 * a command that reads only some sheets, which ones; the others are listed but not parsed.
 */
export async function openWorkbookFile(path: string, sheetsToRead?: ReadOptions["sheetsToRead"]): Promise<ReadOnlyWorkbook> {
  const bytes = await readFileBytes(path);
  const options: ReadOptions = { fileName: basename(path), inflateRaw: nodeInflateRaw };
  const data = await readWorkbookBytes(bytes, sheetsToRead ? { ...options, sheetsToRead } : options);
  return new ReadOnlyWorkbook(data);
}
