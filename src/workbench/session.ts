/**
 * Everything of the workbench that needs the reader and exceljs, in one module the page imports lazily
 * (await import("./session")), so the page shows at once and that code loads only when a workbook opens.
 * Files are read by the reader every host shares (../files/reader); exceljs only holds what was read, for editing
 * and saving as .xlsx.
 */
import { XlsxGateway } from "../files/gateway/xlsxGateway";
import { readMarks } from "../files/gateway/marks";
import { readWorkbookBytes } from "../files/reader";
import { gridSheet, type GridSheet } from "./gridModel";

export { XlsxGateway };

/**
 * Opens a workbook's bytes (.xlsx, .xlsm, .xls, .ods or .csv): a file the reader refuses (damaged, oversized, of
 * another kind) throws its WorkbookReadError, whose one-line message is for users.
 */
export async function openWorkbook(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<XlsxGateway> {
  const data = await readWorkbookBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), { fileName });
  return XlsxGateway.fromWorkbookData(data);
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
