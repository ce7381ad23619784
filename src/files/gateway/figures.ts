/**
 * The figures sheet (Scores → Write Summary, Export) over exceljs, with the Office gateway's rules
 * (src/office/figuresOps.ts, app/settings/ownedSheets.ts): the add-in's own sheet is the one carrying its marker, the
 * sheet-scoped defined name `_epr_owner`, which ownerNames.ts carries past exceljs (it reads it from the file and
 * writes it back on save). Only such a sheet is replaced; a user's sheet that has the name is left alone and a free
 * name ("EPR Scores (2)") is used instead. When several sheets carry the marker (the user copied the add-in's sheet
 * in Excel), only the one the record names is the add-in's.
 */
import type ExcelJS from "exceljs";
import type { FiguresSheet } from "../../app/gateway";
import { FIGURES_SETTING, figuresMarker, figuresRecord, ownFiguresSheet, withFiguresSheet } from "../../app/settings/ownedSheets";
import { uniqueSheetName } from "../../core/sheet/sheetNames";
import { setSheetOwner, sheetOwner } from "./ownerNames";
import { readSetting, writeSetting } from "./settingsSheet";
import { findUserSheet, takenSheetNames, userSheets } from "./sheets";

export { FIGURES_SETTING };

/** The add-in's own sheet for these figures, if the workbook has one. */
function findOwned(workbook: ExcelJS.Workbook, figuresName: string, record: ReturnType<typeof figuresRecord>): ExcelJS.Worksheet | undefined {
  const marked = userSheets(workbook).map((ws) => ({ name: ws.name, marker: sheetOwner(workbook, ws) }));
  const name = ownFiguresSheet(marked, figuresName, record);
  return name === null ? undefined : findUserSheet(workbook, name);
}

/** exceljs orders sheets by `orderNo`, which its typings leave out. */
function moveTo(ws: ExcelJS.Worksheet, orderNo: unknown): void {
  if (typeof orderNo === "number") Reflect.set(ws, "orderNo", orderNo);
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

function writeRows(ws: ExcelJS.Worksheet, rows: FiguresSheet["rows"]): void {
  const widths: number[] = [];
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      // A figure that cannot be computed (NaN, ±Infinity) shows as a blank cell: xlsx has no NaN.
      const cellValue = typeof value === "number" && !Number.isFinite(value) ? null : value;
      ws.getCell(r + 1, c + 1).value = cellValue;
      widths[c] = Math.max(widths[c] ?? 0, cellValue === null ? 0 : String(cellValue).length);
    }),
  );
  // Roughly what autofit gives: exceljs cannot measure text.
  widths.forEach((chars, c) => (ws.getColumn(c + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars + 2))));
}

/** Creates the figures sheet, or replaces the add-in's earlier one in place; returns the name used. */
export function writeFigures(workbook: ExcelJS.Workbook, figures: FiguresSheet): string {
  const record = figuresRecord(readSetting(workbook, FIGURES_SETTING));
  const ours = findOwned(workbook, figures.name, record);
  let ws: ExcelJS.Worksheet;
  if (ours) {
    const { name } = ours;
    const orderNo: unknown = Reflect.get(ours, "orderNo");
    setSheetOwner(workbook, ours, null);
    workbook.removeWorksheet(ours.id);
    ws = workbook.addWorksheet(name);
    moveTo(ws, orderNo);
  } else {
    ws = workbook.addWorksheet(uniqueSheetName(figures.name, takenSheetNames(workbook)));
  }
  writeRows(ws, figures.rows);
  setSheetOwner(workbook, ws, figuresMarker(figures.name));
  if (record[figures.name]?.name !== ws.name) writeSetting(workbook, FIGURES_SETTING, withFiguresSheet(record, figures.name, ws.name));
  return ws.name;
}
