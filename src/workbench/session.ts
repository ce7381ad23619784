/**
 * Everything of the workbench that needs the reader and exceljs, in one module the page imports lazily
 * (await import("./session")), so the page shows at once and that code loads only when a workbook opens.
 * Files are read by the reader every host shares (../files/reader); exceljs only holds what was read, for editing
 * and saving as .xlsx.
 */
import { checkCellWrites } from "../app/cellWrites";
import { isDateNumberFormat } from "../core/sheet/numberFormats";
import { DATE_FORMAT } from "../core/template/layout";
import { XlsxGateway } from "../files/gateway/xlsxGateway";
import { readMarkKinds } from "../files/gateway/marks";
import { requireUserSheet } from "../files/gateway/sheets";
import { readWorkbookBytes } from "../files/reader";
import { gridSheet, type FormulaCell, type GridSheet, type TypedCell } from "./gridModel";
import { typedValue } from "./typedValue";

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

type Worksheet = NonNullable<ReturnType<XlsxGateway["workbook"]["getWorksheet"]>>;

/**
 * The sheet's formulas that have no value yet. Only the template writes formulas here (a file's own are read as
 * their values, ../files/reader), and nothing in the workbench computes them: Excel does when the file is opened.
 */
function pendingFormulas(worksheet: Worksheet): FormulaCell[] {
  const cells: FormulaCell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // exceljs gives a shared formula's cells their own translated formula; `result` is the cached value, if any.
      const formula: unknown = cell.formula;
      if (typeof formula === "string" && formula !== "" && cell.result === undefined) cells.push({ row: rowNumber, col: colNumber, formula: `=${formula}` });
    });
  });
  return cells;
}

/** The sheet as the grid draws it: the gateway's own reading of the cells, plus the add-in's marks and formulas not yet computed. */
export async function readGridSheet(gateway: XlsxGateway, name: string): Promise<GridSheet> {
  const data = await gateway.readSheet(name);
  const worksheet = gateway.workbook.getWorksheet(data.name);
  return worksheet ? gridSheet(data, readMarkKinds(worksheet).map(({ kind, ranges }) => ({ severity: kind, ranges })), pendingFormulas(worksheet)) : gridSheet(data, []);
}

/**
 * Writes what the user typed into cells of the sheet, each stored as Excel stores what is typed (./typedValue): all
 * or nothing (every cell is checked before any changes), then the gateway's listeners hear of it once, as after
 * editCells. Not editCells itself, which takes no dates: a typed day is stored as a date, as in Excel, and a cell
 * with no date format gets the template's dd/mm/yyyy (Excel gives it its short date format), so the saved file holds a
 * date. The cell's other formats are kept.
 */
export function writeTypedCells(gateway: XlsxGateway, sheet: string, cells: readonly TypedCell[]): void {
  const worksheet = requireUserSheet(gateway.workbook, sheet);
  const values = cells.map(({ text }) => typedValue(text));
  // The checks every gateway's writes get (single-cell addresses, finite numbers); a date is a finite day already.
  const checked = checkCellWrites(worksheet.name, cells.map(({ address }, i) => {
    const value = values[i] ?? null;
    return { address, value: value instanceof Date ? null : value };
  }));
  checked.forEach(({ row, col }, i) => {
    const value = values[i] ?? null;
    const cell = worksheet.getCell(row, col);
    cell.value = value;
    if (value instanceof Date && !isDateNumberFormat(cell.numFmt)) cell.numFmt = DATE_FORMAT;
  });
  gateway.notifyEdited(worksheet.name);
}
