/** Reading a workbook from disk (Node only; the rest of src/xlsx also runs in the browser). */
import { readFile } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import type { RawInflate } from "./guard";
import { loadWorkbook } from "./read";
import { WorkbookReadError } from "./errors";

/** Node's error when output would pass maxOutputLength. */
const TOO_LARGE = "ERR_BUFFER_TOO_LARGE";

/**
 * The guard's inflater on Node: native zlib, several times faster than jszip's JavaScript one
 * (docs/benchmarks.md). maxOutputLength stops a zip bomb once it passes the budget.
 */
export const nodeInflateRaw: RawInflate = (compressed, maxBytes) => {
  try {
    // maxOutputLength must be at least 1; a longer result is refused by the guard's own size check.
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === TOO_LARGE) return null;
    throw err;
  }
};

export async function loadWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : code === "EACCES" ? "permission denied" : "cannot be read";
    throw new WorkbookReadError(reason, { cause: err });
  }
  return loadWorkbook(data, { inflateRaw: nodeInflateRaw });
}
