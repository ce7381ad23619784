/**
 * An exceljs workbook built from what the workbook reader read (../reader/types.ts), for the workbench: exceljs only
 * writes here, it never reads the user's bytes (issue 10: one reader for every host). The workbook holds each sheet's
 * values and state, its hidden rows, the add-in's settings and stamp sheets as they are, the add-in's sheet markers
 * (`_epr_owner`, ownerNames.ts) and the workbook's date system; nothing else of the file survives, so what the reader
 * found beyond values is kept, for the workbench to name before it saves.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetData } from "../../core/cells";
import { DATE_FORMAT } from "../../core/template/layout";
import { MAX_SHEET_NAME, uniqueSheetName } from "../../core/sheet/sheetNames";
import { markerText, OWNER_NAME } from "../../app/settings/ownedSheets";
import type { DefinedName, ReadSheet, WorkbookData } from "../reader/types";
import { toExcelValue } from "./excelValue";
import { setSheetOwner } from "./ownerNames";

export interface WorkbookFromData {
  readonly workbook: ExcelJS.Workbook;
  /** What the read file held that saving this workbook does not keep, named for users. */
  readonly lostOnSave: readonly string[];
}

/** Characters Excel refuses in a sheet name (exceljs throws on them). */
const FORBIDDEN_IN_SHEET_NAME = /[*?:/\\[\]]/g;

/**
 * The name as Excel (and exceljs) takes it: a sheet of a .ods or a .csv may be named what Excel refuses (too long, with
 * "/" or ":", starting with a quote, or Excel's reserved "History"). A name Excel takes is kept as it is.
 */
function excelSheetName(name: string, taken: readonly string[]): string {
  let fixed = name.replace(FORBIDDEN_IN_SHEET_NAME, "_");
  // Cut where it is too long, without leaving a space at the end of the cut.
  if (fixed.length > MAX_SHEET_NAME) fixed = fixed.slice(0, MAX_SHEET_NAME).trimEnd();
  fixed = fixed.replace(/^'+|'+$/g, "");
  if (fixed === "") fixed = "Sheet";
  // Excel reserves "History" (for its change tracking) whatever the case; exceljs refuses it exactly.
  const reserved = fixed.toLowerCase() === "history" ? [...taken, fixed] : taken;
  return uniqueSheetName(fixed, reserved);
}

function gridOf(sheet: ReadSheet): SheetData {
  // The workbench reads every sheet (no sheetsToRead): an unread one here is a caller's mistake, not the user's.
  if (sheet.grid === null) throw new Error(`The sheet "${sheet.name}" was left unread: read every sheet before making a workbook of it.`);
  return sheet.grid;
}

function writeCell(ws: ExcelJS.Worksheet, row: number, col: number, value: CellValue): void {
  const cell = ws.getCell(row, col);
  cell.value = toExcelValue(value);
  // A date is a serial under a date format in the file: without one it would be saved (and reopened) as a number.
  if (value instanceof Date) cell.numFmt = DATE_FORMAT;
}

function writeGrid(ws: ExcelJS.Worksheet, grid: SheetData): void {
  grid.rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value !== null) writeCell(ws, grid.firstRow + r, grid.firstCol + c, value);
    });
  });
  for (const row of grid.hiddenRows ?? []) ws.getRow(row).hidden = true;
}

function isOwnerName(name: DefinedName): boolean {
  return name.name.toLowerCase() === OWNER_NAME.toLowerCase();
}

/** The `_epr_owner` marker text of each sheet that has one (sheet name as the reader gives it → text). */
function ownerMarkers(names: readonly DefinedName[]): Map<string, string> {
  const markers = new Map<string, string>();
  for (const name of names) {
    if (!isOwnerName(name) || name.sheet === null) continue;
    const marker = markerText(name.formula.startsWith("=") ? name.formula : `=${name.formula}`);
    if (marker !== null) markers.set(name.sheet.toLowerCase(), marker);
  }
  return markers;
}

/** The reader's word for a workbook's defined names (src/files/reader/xlsx/beyondValues.ts). */
const DEFINED_NAMES = "defined names";

/**
 * Whether the file has defined names the workbook does not keep: none are copied here but the add-in's markers.
 * Excel's own bookkeeping for an autofilter is left out (the filter itself is what would be lost).
 */
function hasLostDefinedNames(names: readonly DefinedName[]): boolean {
  return names.some((name) => !isOwnerName(name) && name.name.toLowerCase() !== "_xlnm._filterdatabase");
}

/**
 * What the reader named, except the defined names when the only ones are those kept here (so a file the workbench
 * saved does not warn of its own markers when opened again), with the user's defined names and renamed sheets added.
 */
function lostParts(data: WorkbookData, renamed: readonly (readonly [from: string, to: string])[]): string[] {
  const lost = data.beyondValues.filter((part) => part !== DEFINED_NAMES);
  // The reader may have seen names it does not list (too many, too long): those are lost too.
  const unlisted = data.beyondValues.includes(DEFINED_NAMES) && data.definedNames.length === 0;
  if (unlisted || hasLostDefinedNames(data.definedNames)) lost.push(DEFINED_NAMES);
  for (const [from, to] of renamed) lost.push(`the sheet name "${from}" (Excel does not allow it: saved as "${to}")`);
  return lost;
}

/** The reader's workbook as an exceljs workbook (every sheet must have been read), and what saving it loses. */
export function workbookFromData(data: WorkbookData): WorkbookFromData {
  const workbook = new ExcelJS.Workbook();
  if (data.date1904) workbook.properties.date1904 = true;
  const markers = ownerMarkers(data.definedNames);
  const renamed: [string, string][] = [];
  for (const sheet of data.sheets) {
    const grid = gridOf(sheet);
    const name = excelSheetName(sheet.name, workbook.worksheets.map((ws) => ws.name));
    if (name !== sheet.name) renamed.push([sheet.name, name]);
    const ws = workbook.addWorksheet(name, { state: sheet.state });
    writeGrid(ws, grid);
    const marker = markers.get(sheet.name.toLowerCase());
    if (marker !== undefined) setSheetOwner(workbook, ws, marker);
  }
  return { workbook, lostOnSave: lostParts(data, renamed) };
}
