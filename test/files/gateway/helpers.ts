/** Shared fixtures for the XlsxGateway tests. */
import ExcelJS from "exceljs";
import type { XlsxGateway } from "../../../src/files/gateway/xlsxGateway";
import { gatewayOfBytes } from "../../helpers/excelJsModel";

/**
 * Save → open in exceljs: what the gateway wrote, with the structure exceljs keeps (conditional formats, styles, the
 * settings sheet's cells, the add-in's sheet markers), as Excel would find it.
 */
export async function reopen(gateway: XlsxGateway): Promise<XlsxGateway> {
  return gatewayOfBytes(await gateway.toBuffer());
}

export function sheetOf(gateway: XlsxGateway, name: string): ExcelJS.Worksheet {
  const ws = gateway.workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Every cell's address, value and style, as JSON: equal snapshots mean nothing about the cells changed. */
export function cellSnapshot(ws: ExcelJS.Worksheet): string {
  const cells: [string, unknown, unknown][] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.push([cell.address, cell.value, cell.style]);
    }),
  );
  return JSON.stringify(cells);
}

/** The sheet's conditional formats as JSON (exceljs keeps them out of its typings). */
export function formatsSnapshot(ws: ExcelJS.Worksheet): string {
  return JSON.stringify(Reflect.get(ws, "conditionalFormattings"));
}

export const GREEN_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = { top: { style: "thin", color: { argb: "FF000000" } }, left: { style: "double", color: { argb: "FFFF0000" } } };

/**
 * A user's workbook: a "Trusts" sheet of their own with values, a fill, a border, a number
 * format and their own conditional formats; and a second sheet "Notes".
 */
export function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const trusts = wb.addWorksheet("Trusts");
  trusts.getCell("A1").value = "Trust ODS code";
  trusts.getCell("B1").value = "Trust name";
  trusts.getCell("C1").value = "Cost";
  trusts.getCell("A2").value = "RX1";
  trusts.getCell("B2").value = "North Trust";
  trusts.getCell("C2").value = 1250.5;
  trusts.getCell("A3").value = "RX2";
  trusts.getCell("C3").value = -4;
  trusts.getCell("A2").fill = GREEN_FILL;
  trusts.getCell("B2").border = THIN_BORDER;
  trusts.getCell("C2").numFmt = "£#,##0.00";
  trusts.getCell("C3").font = { italic: true, color: { argb: "FF0000FF" } };
  trusts.getColumn(2).width = 30;
  trusts.addConditionalFormatting({
    ref: "C2:C10",
    rules: [{ type: "cellIs", operator: "lessThan", priority: 1, formulae: [0], style: { font: { bold: true, color: { argb: "FF9C0006" } } } }],
  });
  trusts.addConditionalFormatting({
    ref: "A2:B3",
    rules: [{ type: "expression", priority: 2, formulae: ['LEN($A2)>5'], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFDDEBF7" } } } }],
  });
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "my notes";
  return wb;
}

/** The user's workbook as exceljs loads it from a file: their formats included, which the gateway must leave alone. */
export async function openUserWorkbook(): Promise<XlsxGateway> {
  return gatewayOfBytes(new Uint8Array(await userWorkbook().xlsx.writeBuffer()));
}
