/** Reading what the workbench saved (or a shipped example) with exceljs, as the tests compare them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

export const REPO = join(__dirname, "..", "..", "..");

export function exampleBytes(name: string): Buffer {
  return readFileSync(join(REPO, "examples", name));
}

export async function loadXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`the workbook has no sheet "${name}" (it has ${workbook.worksheets.map((w) => w.name).join(", ")})`);
  return ws;
}

/** Every cell's style on the sheet, by address, as JSON (cells with the default style included). */
export function stylesByCell(ws: ExcelJS.Worksheet): Map<string, string> {
  const styles = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      styles.set(cell.address, JSON.stringify(cell.style ?? {}));
    });
  });
  return styles;
}

/** The sheet's conditional formats as JSON (exceljs keeps them in a property its typings leave out). */
export function conditionalFormatsOf(ws: ExcelJS.Worksheet): string {
  return JSON.stringify(Reflect.get(ws, "conditionalFormattings") ?? []);
}

export function textOf(ws: ExcelJS.Worksheet, address: string): string {
  const value = ws.getCell(address).value;
  return value === null || value === undefined ? "" : String(value);
}
