/** Reading a workbook from disk (Node only; the rest of src/xlsx also runs in the browser). */
import { readFile } from "node:fs/promises";
import type ExcelJS from "exceljs";
import { loadWorkbook } from "./read";
import { WorkbookReadError } from "./errors";

export async function loadWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : code === "EACCES" ? "permission denied" : "cannot be read";
    throw new WorkbookReadError(reason, { cause: err });
  }
  return loadWorkbook(data);
}
