/**
 * The command line's side of reading a return: a file on disk opened with the file adapter (the guard once,
 * then exceljs), and every failure turned into one line naming the file. Reading and checking is the app's
 * (src/app/checkReturn.ts), as in the task pane.
 */
import { ReturnReadError, sheetsNeeded } from "../app/sheetChoice";
import { StampReadError } from "../core/stamp";
import { WorkbookReadError } from "../files/errors";
import type { XlsxGateway } from "../files/gateway/xlsxGateway";
import { openWorkbookFile } from "../files/nodeFile";
import { FileError } from "./io";

/**
 * For commands that only read (validate, score, export, merge's sources): when the sheet names say which is
 * the trust sheet (--sheet, or a sheet named Trusts), the other sheets are not loaded at all (exceljs parsing
 * the template's hidden Calc sheet was a fifth of `validate`'s time: docs/benchmarks.md).
 */
export function openForReading(file: string, sheet: string | undefined): Promise<XlsxGateway> {
  return inFile(file, () => openWorkbookFile(file, (names) => sheetsNeeded(names, sheet)));
}

/** Every sheet, for commands that write the workbook or must see all of it (stamp, verify). */
export function openWhole(file: string): Promise<XlsxGateway> {
  return inFile(file, () => openWorkbookFile(file));
}

/** Runs work on the file, turning the errors whose message is for users into a FileError naming the file. */
export async function inFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof WorkbookReadError || err instanceof ReturnReadError || err instanceof StampReadError) throw new FileError(file, err.message);
    throw err;
  }
}
