/**
 * What the workbook reader gives every host: the file's sheets as the core's grid, read as the program that
 * saved the file shows them (spec section 5), within budgets counted on what the file actually holds.
 * One reader for the command line, the workbench and the task pane's Merge (./index.ts readWorkbookBytes).
 */
import type { SheetData } from "../../core/cells";
import type { SheetInfo } from "../../app/gateway";
import type { RawInflater } from "./zip";

export type WorkbookFormat = "xlsx" | "xls" | "ods" | "csv";

/** As Excel keeps it: a very hidden sheet cannot be unhidden from Excel's menus. */
export type SheetState = "visible" | "hidden" | "veryHidden";

export interface ReadSheet {
  readonly name: string;
  readonly state: SheetState;
  /**
   * The sheet's cells from A1 (firstRow = firstCol = 1): dates as Date (UTC midnight of the day shown, in the
   * workbook's date system), errors as ErrorValue, formulas as their cached value, merged cells only in the
   * top-left cell, table totals rows left out. Null when the sheet was left unread (ReadOptions.sheetsToRead).
   */
  readonly grid: SheetData | null;
}

/** A defined name; sheet is the sheet it is local to (null: workbook-wide). */
export interface DefinedName {
  readonly name: string;
  readonly sheet: string | null;
  readonly formula: string;
}

export interface WorkbookData {
  readonly format: WorkbookFormat;
  /** The workbook's own date system (serials count from 1904-01-01 instead of 1900-01-00). */
  readonly date1904: boolean;
  /** In the workbook's order, hidden ones included. */
  readonly sheets: readonly ReadSheet[];
  readonly definedNames: readonly DefinedName[];
  /**
   * What the file holds beyond cell values, which a writer that keeps only values would lose, named for users
   * ("formulas", "cell formatting", "data validation", "charts", "images", "comments", "macros", …): the
   * workbench names them before it saves. Empty for a .csv.
   */
  readonly beyondValues: readonly string[];
}

/**
 * Budgets, counted on what the file actually holds, over the whole workbook (never per sheet): a file over any
 * of them is refused with a WorkbookReadError naming the limit. Infinity switches a limit off.
 */
export interface ReadLimits {
  /** The file itself. */
  readonly maxFileBytes: number;
  /** Zip entries. */
  readonly maxEntries: number;
  /** All parts read, once inflated (the zip's declared sizes are not trusted). */
  readonly maxInflatedBytes: number;
  /** Cell elements, empty ones included. */
  readonly maxCells: number;
  /** Row elements, empty ones included. */
  readonly maxRows: number;
  /** Shared strings, and their characters in total. */
  readonly maxSharedStrings: number;
  readonly maxSharedStringChars: number;
  /** Cell formats (styles.xml cellXfs) and number formats. */
  readonly maxStyles: number;
  readonly maxSheets: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxCells: 2_000_000,
  maxRows: 2_000_000,
  maxSharedStrings: 2_000_000,
  maxSharedStringChars: 64 * 1024 * 1024,
  maxStyles: 100_000,
  maxSheets: 1_000,
});

export interface ReadOptions {
  /** The file's name (a .csv's sheet is named after it; the extension helps tell formats apart). */
  readonly fileName?: string;
  /**
   * Given every sheet (in order, with whether it is visible), the names of the sheets whose cells to read; the
   * others are listed with grid null and their parts are not parsed. Returning null (or leaving this out) reads
   * every sheet.
   */
  readonly sheetsToRead?: (sheets: readonly SheetInfo[]) => ReadonlySet<string> | null;
  readonly limits?: Partial<ReadLimits>;
  /**
   * A faster inflater the host offers for .xlsx parts (the command line: Node's zlib); left out, fflate inflates
   * them in slices. Either way the same limits and messages (./zip/inflate.ts).
   */
  readonly inflateRaw?: RawInflater;
}
