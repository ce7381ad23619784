/**
 * The figures sheet (Scores → Write Summary) over exceljs, with the Office gateway's rules
 * (src/office/figuresOps.ts): the add-in remembers, in a workbook setting, which sheet it made
 * for each figures name, by sheet name and exceljs sheet id (the xlsx sheetId, which survives
 * save and reopen). Only such a sheet is replaced; a user's sheet that has the name is left
 * alone and a free name ("EPR Scores (2)") is used instead.
 */
import type ExcelJS from "exceljs";
import type { FiguresSheet } from "../../app/gateway";
import { uniqueSheetName } from "../../core/sheet/sheetNames";
import { readSetting, writeSetting } from "./settingsSheet";
import { sameSheetName, takenSheetNames, userSheets } from "./sheets";

/** Workbook setting: figures name asked for → the sheet the add-in made for it. */
export const FIGURES_SETTING = "eprReturn.figuresSheets";

interface OwnedSheet {
  readonly name: string;
  readonly id: number;
}

type OwnedSheets = Readonly<Record<string, OwnedSheet>>;

function isOwnedSheet(value: unknown): value is OwnedSheet {
  return typeof value === "object" && value !== null && typeof Reflect.get(value, "name") === "string" && typeof Reflect.get(value, "id") === "number";
}

/** The setting's entries that are well formed (anything else is ignored, never trusted). */
function ownedSheets(value: unknown): OwnedSheets {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, OwnedSheet] => isOwnedSheet(entry[1])));
}

function findOwned(workbook: ExcelJS.Workbook, owned: OwnedSheet | undefined): ExcelJS.Worksheet | undefined {
  if (!owned) return undefined;
  return userSheets(workbook).find((ws) => ws.id === owned.id && sameSheetName(ws.name, owned.name));
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
  const owned = ownedSheets(readSetting(workbook, FIGURES_SETTING));
  const ours = findOwned(workbook, owned[figures.name]);
  let ws: ExcelJS.Worksheet;
  if (ours) {
    const { name } = ours;
    const orderNo: unknown = Reflect.get(ours, "orderNo");
    workbook.removeWorksheet(ours.id);
    ws = workbook.addWorksheet(name);
    moveTo(ws, orderNo);
  } else {
    ws = workbook.addWorksheet(uniqueSheetName(figures.name, takenSheetNames(workbook)));
  }
  writeRows(ws, figures.rows);
  writeSetting(workbook, FIGURES_SETTING, { ...owned, [figures.name]: { name: ws.name, id: ws.id } });
  return ws.name;
}
