/**
 * Everything of the workbench that needs exceljs, in one module the page imports lazily
 * (await import("./session")), so the page shows at once and exceljs loads only when a workbook opens.
 */
import { XlsxGateway } from "../files/gateway/xlsxGateway";
import { readMarks } from "../files/gateway/marks";
import { gridSheet, type GridSheet } from "./gridModel";

export { XlsxGateway };

/** Opens .xlsx bytes (through the gateway's guard: damaged or oversized files are refused with a message). */
export function openWorkbook(bytes: ArrayBuffer): Promise<XlsxGateway> {
  return XlsxGateway.open(bytes);
}

export function blankWorkbook(): XlsxGateway {
  return XlsxGateway.blank();
}

/** The sheet as the grid draws it: the gateway's own reading of the cells, plus the add-in's marks. */
export async function readGridSheet(gateway: XlsxGateway, name: string): Promise<GridSheet> {
  const data = await gateway.readSheet(name);
  const worksheet = gateway.workbook.getWorksheet(data.name);
  return gridSheet(data, worksheet ? readMarks(worksheet) : []);
}
