/** Renders a TemplateSpec (src/core/template) into an exceljs workbook. */
import ExcelJS from "exceljs";
import { parseAddress } from "../core/cells";
import { dateFromIso } from "../core/dates";
import { buildTemplate } from "../core/template/build";
import { renameSheetRefs } from "../core/template/rename";
import type { TemplateCell, TemplateSheet, TemplateSpec, TemplateTable, TemplateValidation } from "../core/template/types";

/** exceljs keeps range validations in `worksheet.dataValidations`, which its typings leave out. */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function rangeValidations(ws: ExcelJS.Worksheet): RangeValidations {
  const holder: unknown = Reflect.get(ws, "dataValidations");
  if (typeof holder === "object" && holder !== null && typeof Reflect.get(holder, "add") === "function") return holder as RangeValidations;
  throw new Error("this exceljs version has no worksheet.dataValidations");
}

function eachAddress(range: string, visit: (row: number, col: number) => void): void {
  const [from, to] = range.split(":");
  const start = parseAddress(from ?? "");
  const end = to === undefined ? start : parseAddress(to);
  if (!start || !end) throw new Error(`not an A1 range: ${range}`);
  for (let row = start.row; row <= end.row; row++) for (let col = start.col; col <= end.col; col++) visit(row, col);
}

function writeCell(ws: ExcelJS.Worksheet, cell: TemplateCell, rename: (formula: string) => string): void {
  const target = ws.getCell(cell.address);
  if (cell.formula !== undefined) target.value = { formula: rename(cell.formula) };
  else if (cell.value !== undefined) target.value = cell.value;
  if (cell.numFmt) target.numFmt = cell.numFmt;
  if (cell.bold) target.font = { bold: true };
  if (cell.wrap) target.alignment = { wrapText: true, vertical: "top" };
}

function toExcelValidation(v: TemplateValidation, rename: (formula: string) => string): ExcelJS.DataValidation {
  const prompt = v.prompt ? { showInputMessage: true, prompt: v.prompt } : {};
  switch (v.kind) {
    case "list":
      // A warning, not a stop: a typed alias (e.g. Cerner) is accepted and the add-in offers the canonical spelling.
      return { type: "list", allowBlank: true, formulae: [rename(v.source).replace(/^=/, "")], showErrorMessage: true, errorStyle: "warning", error: "Pick a value from the list.", ...prompt };
    case "date":
      return { type: "date", operator: "between", allowBlank: true, formulae: [dateFromIso(v.min), dateFromIso(v.max)], showErrorMessage: true, errorStyle: "stop", error: "Enter a date between 01/01/1990 and 31/12/2040.", ...prompt };
    case "whole":
      return { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [v.min], showErrorMessage: true, errorStyle: "stop", error: `Enter a whole number of ${v.min} or more.`, ...prompt };
    case "decimal":
      return { type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [v.min], showErrorMessage: true, errorStyle: "stop", error: `Enter a number of ${v.min} or more.`, ...prompt };
  }
}

/** Table names are workbook-wide: a clash with an existing table gets a numbered name. */
function freeTableName(wb: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(wb.worksheets.flatMap((ws) => ws.getTables().map((t) => nameOfTable(t)).filter((n): n is string => n !== null)));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  let i = 2;
  while (taken.has(`${wanted}_${i}`.toLowerCase())) i++;
  return `${wanted}_${i}`;
}

/** exceljs's getTables() yields tables (typed as [Table, void]); read their names defensively. */
function nameOfTable(entry: unknown): string | null {
  const table: unknown = Array.isArray(entry) ? entry[0] : entry;
  if (typeof table !== "object" || table === null) return null;
  const name = Reflect.get(table, "name");
  return typeof name === "string" ? name.toLowerCase() : null;
}

function addTable(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, table: TemplateTable): void {
  const [from, to] = table.range.split(":");
  const start = parseAddress(from ?? "");
  const end = parseAddress(to ?? "");
  if (!start || !end) throw new Error(`not an A1 range: ${table.range}`);
  const blankRow = table.headers.map(() => null);
  ws.addTable({
    name: freeTableName(wb, table.name),
    ref: from ?? "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: table.headers.map((name) => ({ name, filterButton: true })),
    rows: Array.from({ length: Math.max(1, end.row - start.row) }, () => blankRow),
  });
}

function writeSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet, name: string, rename: (formula: string) => string): void {
  const ws = wb.addWorksheet(name, { state: sheet.visibility });
  // The table first: exceljs writes its header cells, and the template's own cells then style them.
  if (sheet.table) addTable(wb, ws, sheet.table);
  for (const cell of sheet.cells) writeCell(ws, cell, rename);
  for (const { range, numFmt } of sheet.rangeFormats ?? []) eachAddress(range, (row, col) => (ws.getCell(row, col).numFmt = numFmt));
  for (const [col, width] of Object.entries(sheet.columnWidths ?? {})) ws.getColumn(Number(col)).width = width;
  const validations = rangeValidations(ws);
  for (const v of sheet.validations ?? []) validations.add(v.range, toExcelValidation(v, rename));
  if (sheet.freeze) ws.views = [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
}

/**
 * Adds the template's sheets to `wb`, in order. `names` maps a template sheet name to the
 * name it gets (when it would clash with an existing sheet); formulas and dropdown sources
 * are rewritten to match.
 */
export function writeTemplate(wb: ExcelJS.Workbook, spec: TemplateSpec, names: Readonly<Record<string, string>> = {}): void {
  const actual = (name: string): string => names[name] ?? name;
  const rename = (formula: string): string => renameSheetRefs(formula, names);
  for (const sheet of spec.sheets) writeSheet(wb, sheet, actual(sheet.name), rename);
  // exceljs writes formulas without results: have Excel calculate them all when the file opens.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
}

/** A fresh workbook holding just the template. */
export function templateWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "EPR Return";
  writeTemplate(wb, buildTemplate());
  return wb;
}
