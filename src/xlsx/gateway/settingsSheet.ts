/**
 * The add-in's workbook settings, kept in the workbook itself so that they survive save and
 * reopen (Excel's document settings are not reachable through exceljs). They live on a
 * veryHidden sheet, SETTINGS_SHEET: one row per setting, the key in column A and the value as
 * JSON text from column B on. Excel caps a cell at 32,767 characters, so longer JSON carries on
 * into C, D, … in pieces; reading joins the row's cells from B until the first empty one.
 * The JSON is written in ASCII only (other characters as \uXXXX escapes): in node, exceljs hands
 * each part to JSZip as one string, and JSZip 3.10 encodes it to UTF-8 in 16K-character slices,
 * so a character outside the BMP (an emoji) that straddles two slices is saved as two U+FFFD.
 */
import type ExcelJS from "exceljs";
import { SETTINGS_SHEET, sameSheetName } from "./sheets";

/** Characters per cell, below Excel's 32,767 limit. */
export const SETTING_PIECE_CHARS = 32_000;

const KEY_COL = 1;
const FIRST_VALUE_COL = 2;

function findSettingsSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((ws) => sameSheetName(ws.name, SETTINGS_SHEET));
}

function settingsSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  return findSettingsSheet(workbook) ?? workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
}

function textOf(cell: ExcelJS.Cell): string | null {
  return typeof cell.value === "string" ? cell.value : null;
}

/** The row number holding the key, or null. */
function rowOfKey(ws: ExcelJS.Worksheet, key: string): number | null {
  for (let r = 1; r <= ws.rowCount; r++) if (textOf(ws.getCell(r, KEY_COL)) === key) return r;
  return null;
}

/** JSON text with every non-ASCII character as a \uXXXX escape (the same JSON value). */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Text → pieces of at most `size` characters, each to fit one cell. */
export function splitPieces(text: string, size = SETTING_PIECE_CHARS): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

function joinPieces(ws: ExcelJS.Worksheet, row: number): string {
  let text = "";
  for (let col = FIRST_VALUE_COL; ; col++) {
    const piece = textOf(ws.getCell(row, col));
    if (piece === null || piece === "") return text;
    text += piece;
  }
}

/**
 * The stored value, or undefined when there is none. A value that is not valid JSON (someone
 * edited the hidden sheet) reads as no value, as a missing document setting does in Excel.
 */
export function readSetting(workbook: ExcelJS.Workbook, key: string): unknown {
  const ws = findSettingsSheet(workbook);
  const row = ws ? rowOfKey(ws, key) : null;
  if (!ws || row === null) return undefined;
  const text = joinPieces(ws, row);
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function clearValueCells(ws: ExcelJS.Worksheet, row: number): void {
  const cells = ws.getRow(row);
  for (let col = FIRST_VALUE_COL; col <= Math.max(cells.cellCount, FIRST_VALUE_COL); col++) ws.getCell(row, col).value = null;
}

/** Stores the value as JSON; undefined or null removes the key (as Excel's document settings do). */
export function writeSetting(workbook: ExcelJS.Workbook, key: string, value: unknown): void {
  if (value === undefined || value === null) {
    removeSetting(workbook, key);
    return;
  }
  const json: unknown = JSON.stringify(value);
  if (typeof json !== "string") throw new Error(`The setting "${key}" cannot be stored: its value is not JSON data.`);
  const ws = settingsSheet(workbook);
  const row = rowOfKey(ws, key) ?? ws.rowCount + 1;
  ws.getCell(row, KEY_COL).value = key;
  clearValueCells(ws, row);
  splitPieces(asciiJson(json)).forEach((piece, i) => (ws.getCell(row, FIRST_VALUE_COL + i).value = piece));
}

function removeSetting(workbook: ExcelJS.Workbook, key: string): void {
  const ws = findSettingsSheet(workbook);
  const row = ws ? rowOfKey(ws, key) : null;
  if (ws && row !== null) ws.spliceRows(row, 1);
}
