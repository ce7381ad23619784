/**
 * The add-in's workbook settings as cells: every host keeps them on the very hidden sheet SETTINGS_SHEET,
 * so a column mapping saved in Excel is the one the command line and the workbench read, and the other
 * way round (Office's document settings live in a part other programs drop or cannot reach).
 *
 * One row per setting: the key in column A and the value as JSON text from column B on. Excel caps a cell
 * at 32,767 characters, so longer JSON carries on into C, D, … in pieces; reading joins the row's cells
 * from B until the first empty one. The JSON is written in ASCII only (other characters as \uXXXX
 * escapes): exceljs in Node hands each part to JSZip as one string, and JSZip 3.10 encodes it in
 * 16K-character slices, so a character outside the BMP (an emoji) straddling two slices would be saved
 * as two U+FFFD. Pure: the gateways read and write the cells.
 */
import type { CellValue, SheetData } from "../../core/cells";

/** Characters per cell, below Excel's 32,767 limit. */
export const SETTING_PIECE_CHARS = 32_000;

/** A row of the settings sheet, from column A. */
export type SettingsRow = readonly string[];

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

function textOf(value: CellValue | undefined): string | null {
  return typeof value === "string" ? value : null;
}

/** The settings sheet's rows as text rows from column A (whatever the grid's first cell). */
export function settingsRowsOf(grid: SheetData | null): SettingsRow[] {
  if (grid === null) return [];
  const rows: SettingsRow[] = [];
  for (let r = 1; r < grid.firstRow; r++) rows.push([]);
  for (const row of grid.rows) {
    const cells: string[] = new Array<string>(grid.firstCol - 1).fill("");
    for (const value of row) cells.push(textOf(value) ?? "");
    rows.push(cells);
  }
  return rows;
}

function joinPieces(row: SettingsRow): string {
  let text = "";
  for (let col = 1; col < row.length; col++) {
    const piece = row[col] ?? "";
    if (piece === "") break;
    text += piece;
  }
  return text;
}

/**
 * The stored value, or undefined when there is none. A value that is not valid JSON (someone edited the
 * hidden sheet) reads as no value, as a missing document setting does in Excel.
 */
export function settingFromRows(rows: readonly SettingsRow[], key: string): unknown {
  const row = rows.find((r) => r[0] === key);
  const text = row ? joinPieces(row) : "";
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * The rows with the key's value replaced (undefined or null removes the key, as Excel's document settings
 * do). Other keys keep their rows and order; a new key goes at the end.
 */
export function rowsWithSetting(rows: readonly SettingsRow[], key: string, value: unknown): SettingsRow[] {
  const kept = rows.filter((r) => r[0] !== undefined && r[0] !== "");
  if (value === undefined || value === null) return kept.filter((r) => r[0] !== key);
  const json: unknown = JSON.stringify(value);
  if (typeof json !== "string") throw new Error(`The setting "${key}" cannot be stored: its value is not JSON data.`);
  const row: SettingsRow = [key, ...splitPieces(asciiJson(json))];
  const at = kept.findIndex((r) => r[0] === key);
  return at === -1 ? [...kept, row] : kept.map((r, i) => (i === at ? row : r));
}

/** The keys the rows hold a readable value for, in the sheet's order, each once. */
export function settingKeysOf(rows: readonly SettingsRow[]): string[] {
  const keys: string[] = [];
  for (const row of rows) {
    const key = row[0];
    if (key === undefined || key === "" || keys.includes(key)) continue;
    if (settingFromRows(rows, key) !== undefined) keys.push(key);
  }
  return keys;
}
