/**
 * Opening a workbook file's bytes (a file dropped on Merge, in the task pane or the workbench) with the one
 * reader every host uses (./reader), loaded on first use: the first download of the pages stays without it
 * (webpack's InitialChunkGuardPlugin checks it). The name tells a .csv's sheet name and helps tell formats apart.
 */
import type { WorkbookReader } from "../app/checkReturn";

export async function openWorkbookBytes(bytes: ArrayBuffer | Uint8Array, name?: string): Promise<WorkbookReader> {
  const { readWorkbookBytes, ReadOnlyWorkbook } = await import("./reader");
  const data = await readWorkbookBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), name === undefined ? {} : { fileName: name });
  return new ReadOnlyWorkbook(data);
}
