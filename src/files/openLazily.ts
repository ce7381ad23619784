/**
 * Opening a workbook file's bytes (a file dropped on Merge, in the task pane or the workbench) with the one
 * reader every host uses (./reader), loaded on first use: the first download of the pages stays without it
 * (webpack's InitialChunkGuardPlugin checks it). The name tells a .csv's sheet name and helps tell formats apart.
 */
import type { WorkbookReader } from "../app/checkReturn";
import type { SheetInfo } from "../app/gateway";

export async function openWorkbookBytes(bytes: ArrayBuffer | Uint8Array, name?: string): Promise<WorkbookReader> {
  const [{ readWorkbookBytes, ReadOnlyWorkbook }, { sheetsNeeded }] = await Promise.all([import("./reader"), import("../app/sheetChoice")]);
  // Merge reads each file's return only: as on the command line, the other sheets (the template's Calc sheet is
  // most of a return's XML) are listed but not parsed when the sheets say which is the trust sheet.
  const options = { sheetsToRead: (sheets: readonly SheetInfo[]) => sheetsNeeded(sheets) };
  const data = await readWorkbookBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), name === undefined ? options : { ...options, fileName: name });
  return new ReadOnlyWorkbook(data);
}
