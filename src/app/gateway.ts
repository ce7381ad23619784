/**
 * All the task pane knows of a workbook. Implemented over Office.js (src/office)
 * and over exceljs (src/files, for the workbench and the command line). Every method is one batched
 * operation: implementations keep round trips constant whatever the row count.
 */
import type { CellValue, SheetData } from "../core/cells";
import type { Severity } from "../core/issues";
import type { TemplatePlan } from "../core/sheet/sheetNames";
import type { TemplateSpec } from "../core/template/types";

/** What a sheet of the workbook is: cells (a worksheet), one chart, or an Excel 4 macro or Excel 5 dialog sheet. */
export type SheetKind = "worksheet" | "chart" | "macro" | "dialog";

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
  /**
   * Absent means a worksheet (Office.js lists worksheets only). A chart, macro or dialog sheet is never taken as the
   * trust sheet nor read to look for a header row (spec section 6).
   */
  readonly kind?: SheetKind;
}

/**
 * How a mark shows a cell: an issue's severity (Validate: red, amber), or `changed` since a previous version of the
 * return (Compare: blue). One set of marks per sheet: marking a sheet replaces its earlier marks, of any kind.
 */
export type MarkKind = Severity | "changed";

export interface CellMark {
  /** A1 address on the sheet. */
  readonly address: string;
  /** The mark's kind (named `severity` from when issues were the only marks). */
  readonly severity: MarkKind;
}

export interface CellWrite {
  readonly address: string;
  readonly value: string | number | boolean | null;
}

/** What inserting the template would do (planned in the core: sheet names never clash). */
export type { TemplatePlan };

/** How selectCell goes to a cell: see WorkbookGateway.selectCell. */
export interface SelectCellOptions {
  /**
   * The user agreed to unhide the sheet first when it is hidden. A very hidden sheet is never unhidden (the add-in's
   * own sheets are very hidden, and Excel's menus cannot unhide such a sheet, so its owner meant it to stay so).
   */
  readonly unhide?: boolean;
}

/**
 * selectCell was asked to go to a hidden sheet (without `unhide`) or to a very hidden one: Excel cannot make a hidden
 * sheet the active one, so nothing was selected. Every gateway rejects with this error, so the task pane can offer
 * to unhide the sheet (never when `veryHidden`).
 */
export class HiddenSheetError extends Error {
  override readonly name = "HiddenSheetError";

  constructor(readonly sheet: string, readonly address: string, readonly veryHidden: boolean) {
    super(
      veryHidden
        ? `Could not go to ${sheet}!${address}: the sheet "${sheet}" is very hidden (Excel's Unhide cannot show it), and the add-in never unhides it.`
        : `Could not go to ${sheet}!${address}: the sheet "${sheet}" is hidden, and Excel cannot select a cell on a hidden sheet.`,
    );
  }
}

/** Whether the error is a HiddenSheetError (by class or, across bundles, by name). */
export function isHiddenSheetError(error: unknown): error is HiddenSheetError {
  return error instanceof HiddenSheetError || (error instanceof Error && error.name === "HiddenSheetError" && "veryHidden" in error);
}

/** A labelled table of figures the add-in writes as values (Scores → Write Summary). */
/**
 * A cell of a figures sheet: text (always written as text, whatever it looks like), a number, a boolean, a date
 * (a Date at UTC midnight, written as a date value: a serial of the workbook's date system, not text), or blank.
 */
export type FigureCell = string | number | boolean | Date | null;

export interface FiguresSheet {
  readonly name: string;
  /** From A1, one array per row. A number that cannot be computed (NaN, ±Infinity) or an invalid Date is a blank cell. */
  readonly rows: readonly (readonly FigureCell[])[];
  /**
   * Excel number format codes (en-US, as the template's: `"£"#,##0`, `0.0%`, `dd/mm/yyyy`) in step with rows. A
   * missing or null entry is General, except on a Date, which gets dd/mm/yyyy. Left out, the sheet has no formats
   * (the Export's text cells: app/figureCells.ts).
   */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
}

/** How appendTrustRows places rows: see WorkbookGateway.appendTrustRows. */
export interface AppendTrustRowsOptions {
  /**
   * Where each row came from, one per row, written in the table's `Source` column (the column is added at
   * the table's right when it has none). Omitted: no Source is written and no column is added.
   */
  readonly sources?: readonly string[];
}

export interface AppendedTrustRows {
  /** 1-based sheet rows the new rows went into (lastRow = firstRow - 1 when there were none). */
  readonly firstRow: number;
  readonly lastRow: number;
  /** Whether the `Source` column was added to the table. */
  readonly sourceColumnAdded: boolean;
  /** The table's `Source` column (1-based sheet column) when sources were given, else null. */
  readonly sourceColumn: number | null;
}

/** A stamp sheet cell: text or a number (the stamp's layout is src/core/stamp/sheetLayout.ts). */
export type StampSheetCell = string | number | null;

export interface WorkbookGateway {
  listSheets(): Promise<SheetInfo[]>;
  /** The sheet's used range as the core's grid (dates as Date, errors as ErrorValue). */
  readSheet(name: string): Promise<SheetData>;
  /** Which names the template's sheets would get (existing sheets are never replaced: new names are chosen). */
  planTemplate(spec: TemplateSpec): Promise<TemplatePlan>;
  /** Adds the template's sheets under the plan's names; never touches other sheets. */
  insertTemplate(spec: TemplateSpec, plan: TemplatePlan): Promise<void>;
  /**
   * Marks cells as having issues without changing the user's own formats
   * (implementations use conditional formats the add-in owns), replacing earlier marks on that sheet.
   */
  markCells(sheet: string, marks: readonly CellMark[]): Promise<void>;
  /** Removes the add-in's marks from the sheet; the user's formats are exactly as before marking. */
  clearMarks(sheet: string): Promise<void>;
  /**
   * Makes the sheet the active one and selects the cell or range. A hidden sheet rejects with HiddenSheetError (and
   * stays hidden) unless options.unhide, when it is made visible first; a very hidden sheet always rejects with
   * HiddenSheetError and stays very hidden.
   */
  selectCell(sheet: string, address: string, options?: SelectCellOptions): Promise<void>;
  /** Writes values (e.g. fixes) into cells the user asked to change. */
  writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void>;
  /**
   * Writes a sheet of figures the add-in owns; creates it, or replaces the add-in's earlier one (values and formats).
   * Returns the name used. Numbers and dates are written as values with their number formats, in the same batch as
   * the values (FiguresSheet); text stays text. App/figureCells.ts says how each cell is written, for every gateway.
   */
  writeFigures(figures: FiguresSheet): Promise<string>;
  /**
   * Workbook-stored settings, on the very hidden `_epr_settings` sheet in every host (layout:
   * app/settings/settingsSheet.ts), so Excel, the workbench and the command line read the same values.
   * A missing key is undefined; saving undefined or null removes it. listSheets never lists that sheet.
   */
  loadSetting(key: string): Promise<unknown>;
  saveSetting(key: string, value: unknown): Promise<void>;
  /** The keys of the settings stored on the settings sheet, in its order (none when it has none). */
  settingKeys(): Promise<string[]>;
  /**
   * Adds rows at the end of the sheet's table (its first table), so they are part of it: trailing wholly blank
   * rows of the table are filled first, then the table grows. `rows[i][c]` is the value for sheet column c + 1
   * (index 0 is column A); values outside the table's columns must be null. Dates (Date) are written as
   * dates, with a date format. One batch, whatever the row count.
   */
  appendTrustRows(sheet: string, rows: readonly (readonly CellValue[])[], options: AppendTrustRowsOptions): Promise<AppendedTrustRows>;
  /**
   * Writes the validation stamp sheet (`_epr_stamp`, very hidden) from A1, replacing an earlier one. It is
   * read back with readSheet, which reads very hidden sheets too.
   */
  writeStampSheet(rows: readonly (readonly StampSheetCell[])[]): Promise<void>;
  /**
   * Calls listener after the user's edits of the sheet (its name in any case); resolves to an unsubscribe function.
   * Not after the add-in's own writes through this gateway (writeCells, appendTrustRows, insertTemplate,
   * writeFigures, writeStampSheet, saveSetting, markCells/clearMarks): in Excel, events are switched off while the
   * add-in writes, and every gateway keeps to that, so a caller that changes the sheet re-checks it itself (as the
   * task pane re-validates after its own fixes).
   */
  onSheetChanged(sheet: string, listener: () => void): Promise<() => Promise<void>>;
}
