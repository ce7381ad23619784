/**
 * The command line's side of reading a return: a file on disk read with the file adapter's reader (src/files/reader,
 * the same as the task pane's Merge and the workbench), and every failure turned into one line naming the file. Reading and checking is the app's
 * (src/app/checkReturn.ts), as in the task pane.
 */
import { ReturnReadError, sheetsNeeded } from "../app/sheetChoice";
import { StampReadError } from "../core/stamp";
import { WorkbookReadError } from "../files/errors";
import type { ReadOnlyWorkbook } from "../files/reader";
import { openWorkbookFile } from "../files/nodeFile";
import { FileError } from "./io";

/**
 * For commands that only read (validate, score, export, merge's sources): when the sheet names say which is
 * the trust sheet (--sheet, or a sheet named Trusts), the other sheets are not parsed at all (the template's
 * hidden Calc sheet would be most of the work: docs/benchmarks.md).
 */
export function openForReading(file: string, sheet: string | undefined): Promise<ReadOnlyWorkbook> {
  return inFile(file, () => openWorkbookFile(file, (sheets) => sheetsNeeded(sheets, sheet)));
}

/** Every sheet, for commands that must see all of the workbook (stamp, verify). */
export function openWhole(file: string): Promise<ReadOnlyWorkbook> {
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
