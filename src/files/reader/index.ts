/**
 * Reading a workbook file's bytes into the core's grid, the same way in every host (the command line, the
 * workbench, the task pane's Merge): the format is told from the bytes (and the file name for a .csv), then
 * each format's reader runs. No Node modules: this runs in the browser too.
 * Spec section 5; docs/decisions.md "One reader"; the budgets in ./types.ts.
 */
import { WorkbookReadError } from "../errors";
import { readCsv } from "./csv";
import { sniffFormat } from "./sniff";
import type { ReadOptions, WorkbookData } from "./types";
import { readXlsx } from "./xlsx";

export type { DefinedName, ReadLimits, ReadOptions, ReadSheet, SheetState, WorkbookData, WorkbookFormat } from "./types";
export type { RawInflater } from "./zip";
export { DEFAULT_READ_LIMITS } from "./types";
export { ReadOnlyWorkbook } from "./readOnlyWorkbook";

/** The workbook in bytes, read; a file that is not a readable workbook throws WorkbookReadError (message for users). */
export async function readWorkbookBytes(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookData> {
  const format = sniffFormat(bytes, options.fileName);
  switch (format.kind) {
    case "xlsx":
      return readXlsx(bytes, options);
    case "csv":
      return readCsv(bytes, options);
    case "xls":
    case "ods": {
      // SheetJS is loaded only for these formats (docs/decisions.md).
      const { readWithSheetJs } = await import("./sheetjs");
      return readWithSheetJs(bytes, format.kind, options);
    }
    case "refused":
      throw new WorkbookReadError(format.reason);
  }
}
