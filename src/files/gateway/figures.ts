/**
 * The figures sheet (Scores → Write Summary, Export) over exceljs, with the Office gateway's rules
 * (src/office/figuresOps.ts, app/settings/ownedSheets.ts): the add-in's own sheet is the one carrying its marker, the
 * sheet-scoped defined name `_epr_owner`, which ownerNames.ts carries past exceljs (it reads it from the file and
 * writes it back on save). Only such a sheet is replaced; a user's sheet that has the name is left alone and a free
 * name ("EPR Scores (2)") is used instead. When several sheets carry the marker (the user copied the add-in's sheet
 * in Excel), only the one the record names is the add-in's.
 */
import type ExcelJS from "exceljs";
import { figureFormat, figureInput, type FigureInput } from "../../app/figureCells";
import type { FiguresSheet } from "../../app/gateway";
import { dateFromIso } from "../../core/dates";
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

/** Roughly how many characters a cell shows under its format (exceljs cannot render a format), for the column width. */
function shownLength(input: FigureInput, format: string | null): number {
  if (input.kind === "blank") return 0;
  // dd/mm/yyyy shows as many characters as it has.
  if (input.kind === "day") return (format ?? input.iso).length;
  const { value } = input;
  if (typeof value !== "number" || format === null) return String(value).length;
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  const percent = format.includes("%");
  const digits = Math.abs(percent ? value * 100 : value).toFixed(decimals);
  const [whole = "", fraction] = digits.split(".");
  const grouped = format.includes(",") ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
  const symbols = (value < 0 ? 1 : 0) + (percent ? 1 : 0) + (format.includes("£") ? 1 : 0);
  return grouped.length + (fraction === undefined ? 0 : fraction.length + 1) + symbols;
}

function writeRows(ws: ExcelJS.Worksheet, figures: FiguresSheet): void {
  const widths: number[] = [];
  figures.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const input = figureInput(value);
      const format = figureFormat(figures, r, c);
      const cell = ws.getCell(r + 1, c + 1);
      // A Date is saved as a serial of the workbook's date system (exceljs reads workbook.properties.date1904).
      cell.value = input.kind === "blank" ? null : input.kind === "day" ? dateFromIso(input.iso) : input.value;
      if (format !== null) cell.numFmt = format;
      widths[c] = Math.max(widths[c] ?? 0, shownLength(input, format));
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
  writeRows(ws, figures);
  setSheetOwner(workbook, ws, figuresMarker(figures.name));
  if (record[figures.name]?.name !== ws.name) writeSetting(workbook, FIGURES_SETTING, withFiguresSheet(record, figures.name, ws.name));
  return ws.name;
}
