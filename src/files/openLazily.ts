/**
 * Opening a workbook's bytes with the exceljs gateway, loaded on first use: the task pane's and the
 * workbench's first download stay without exceljs (webpack's InitialChunkGuardPlugin checks it).
 */
import type { WorkbookGateway } from "../app/gateway";

export async function openWorkbookBytes(bytes: ArrayBuffer | Uint8Array): Promise<WorkbookGateway> {
  const { XlsxGateway } = await import("./gateway");
  return XlsxGateway.open(bytes);
}
