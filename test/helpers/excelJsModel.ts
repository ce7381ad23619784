/**
 * exceljs as an independent reader of .xlsx bytes, for tests only: what a writer wrote, with the structure exceljs
 * keeps (tables, data validations, formulas, styles, conditional formats), and a gateway over it. The product never
 * reads a user's file with exceljs (src/files/reader does; ./readBack.ts reads as it does).
 */
import ExcelJS from "exceljs";
import { ownerNamesIn, setSheetOwner } from "../../src/files/gateway/ownerNames";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { partText } from "./zipBuild";

/** The bytes as exceljs loads them, with nothing in front of it. */
export async function loadExcelJs(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as a Node Buffer; it takes any Uint8Array.
  await workbook.xlsx.load((bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) as unknown as ExcelJS.Buffer);
  return workbook;
}

/**
 * The exceljs gateway over the bytes as exceljs loads them, for a test that inspects what was written through the
 * gateway's own model. exceljs drops the add-in's sheet markers (src/files/gateway/ownerNames.ts): they are put back
 * from the file's workbook part, as the workbench keeps them (it reads them with the reader).
 */
export async function gatewayOfBytes(bytes: Uint8Array | ArrayBuffer): Promise<XlsxGateway> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const workbook = await loadExcelJs(data);
  for (const [sheet, marker] of ownerNamesIn(partText(data, "xl/workbook.xml"))) {
    const ws = workbook.getWorksheet(sheet);
    if (ws) setSheetOwner(workbook, ws, marker);
  }
  return new XlsxGateway(workbook);
}
