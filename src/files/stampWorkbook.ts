/**
 * Storing the validation stamp in the workbook: a very hidden sheet `_epr_stamp` with label/value rows
 * and one row per trust row hash. A sheet survives saving in Excel and LibreOffice; a custom XML part
 * would be simpler to hide, but exceljs does not keep custom XML parts it reads, and LibreOffice drops
 * them on save, so the stamp would vanish the first time the file is opened and saved.
 */
import type ExcelJS from "exceljs";
import type { SheetData } from "../core/cells";
import type { IsoDate } from "../core/dates";
import { detectMapping } from "../core/headers";
import { readIcsSheet, submissionDateFor } from "../core/ics";
import type { IcsReadResult, ValidationResult } from "../core/results";
import type { IcsDetails } from "../core/schema";
import { ICS_SHEET, pickReturnSheet } from "../core/returnSheets";
import { compareWithStamp, createStamp, STAMP_SHEET, StampReadError, stampFromSheet, stampToRows, type Stamp, type StampComparison } from "../core/stamp";
import { validateSheet } from "../core/validate";
import { listSheetInfo, sheetToGrid } from "./read";

/** The stamp sheet's name and layout live in the core (shared with the add-in); re-exported for the command line. */
export { STAMP_SHEET, StampReadError };

/** A return read from a workbook: its trust sheet validated, and its ICS details (null without an ICS sheet). */
export interface WorkbookReturn {
  readonly sheet: SheetData;
  readonly ics: IcsReadResult | null;
  /** The trust sheet's result with the ICS sheet's issues counted in (as `epr-return validate` reports them). */
  readonly validation: ValidationResult;
}

export interface ReadOptions {
  /** The trust sheet; by default `Trusts`, else the first visible sheet with a header row. */
  readonly sheet?: string;
  /** The command line's --submitted (used when the ICS sheet gives no submission date). */
  readonly submitted?: IsoDate;
  readonly today: IsoDate;
}

function gridOf(wb: ExcelJS.Workbook, name: string): SheetData | null {
  const ws = wb.getWorksheet(name);
  return ws ? sheetToGrid(ws) : null;
}

/** Reads and validates the return in `wb`; throws when the named sheet does not exist. */
export function readWorkbookReturn(wb: ExcelJS.Workbook, options: ReadOptions): WorkbookReturn {
  const infos = listSheetInfo(wb).filter((s) => s.name !== STAMP_SHEET);
  const chosen = options.sheet ?? pickReturnSheet(infos, (name) => { const g = gridOf(wb, name); return g ? detectMapping(g).headerRow : null; });
  const sheet = chosen === null ? null : gridOf(wb, chosen);
  if (chosen === null || sheet === null) throw new Error(chosen === null ? "the workbook has no sheets" : `no sheet named "${chosen}"`);
  const icsGrid = chosen === ICS_SHEET ? null : gridOf(wb, ICS_SHEET);
  const ics = icsGrid ? readIcsSheet(icsGrid) : null;
  const submitted = submissionDateFor(ics?.details ?? null, options.submitted, options.today);
  const trusts = validateSheet(sheet, { submitted });
  const issues = [...(ics?.issues ?? []), ...trusts.issues];
  const errors = issues.filter((i) => i.severity === "error").length;
  return { sheet, ics, validation: { ...trusts, issues, errors, warnings: issues.length - errors } };
}

export type StampOutcome =
  | { readonly stamped: true; readonly stamp: Stamp; readonly validation: ValidationResult }
  | { readonly stamped: false; readonly validation: ValidationResult };

/**
 * Validates the return and, when it has no errors, writes (or replaces) the stamp sheet. A return with
 * errors is refused: the stamp says the data passed validation.
 */
export async function stampWorkbook(wb: ExcelJS.Workbook, options: ReadOptions & { readonly now: Date }): Promise<StampOutcome> {
  const read = readWorkbookReturn(wb, options);
  if (read.validation.errors > 0) return { stamped: false, validation: read.validation };
  const stamp = await createStamp({
    sheet: read.sheet.name,
    ics: read.ics?.details ?? null,
    trusts: read.validation.trusts,
    warnings: read.validation.warnings,
    stampedAt: options.now,
  });
  writeStampSheet(wb, stamp);
  return { stamped: true, stamp, validation: read.validation };
}

export function writeStampSheet(wb: ExcelJS.Workbook, stamp: Stamp): void {
  const existing = wb.getWorksheet(STAMP_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  // veryHidden: not even listed under Unhide in Excel, so nobody edits it by accident.
  const ws = wb.addWorksheet(STAMP_SHEET, { state: "veryHidden" });
  for (const row of stampToRows(stamp)) ws.addRow(row);
}

/** The stamp in `wb`, or null when it has none; throws StampReadError when the sheet is there but unreadable. */
export function readStamp(wb: ExcelJS.Workbook): Stamp | null {
  const grid = gridOf(wb, STAMP_SHEET);
  return grid ? stampFromSheet(grid) : null;
}

export type VerifyResult =
  | ({ readonly status: "match" | "changed"; readonly stamp: Stamp; readonly sheetMissing: boolean } & Omit<StampComparison, "status">)
  | { readonly status: "unstamped" };

/**
 * Compares the return in `wb` with its stamp. The trust sheet is the one the stamp names; when it is gone,
 * every stamped row counts as removed.
 */
export async function verifyWorkbook(wb: ExcelJS.Workbook): Promise<VerifyResult> {
  const stamp = readStamp(wb);
  if (!stamp) return { status: "unstamped" };
  const sheetMissing = !wb.getWorksheet(stamp.sheet);
  // Reading the rows needs a submission date although no value read depends on it: the stamping day will do.
  const today = stamp.stampedAt.slice(0, 10);
  const trusts = sheetMissing ? [] : readWorkbookReturn(wb, { sheet: stamp.sheet, today }).validation.trusts;
  const comparison = await compareWithStamp(stamp, { ics: icsOf(wb, stamp.sheet), trusts });
  return { ...comparison, stamp, sheetMissing };
}

function icsOf(wb: ExcelJS.Workbook, trustSheet: string): IcsDetails | null {
  if (trustSheet === ICS_SHEET) return null;
  const grid = gridOf(wb, ICS_SHEET);
  return grid ? readIcsSheet(grid).details : null;
}
