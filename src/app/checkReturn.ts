/**
 * Reading and checking a return: the one copy every host runs (the command line's validate, score, export,
 * stamp and verify; the task pane's views; Merge's sources; the workbench). The trust sheet is read once with
 * the column mapping saved in the workbook (when it still fits, else the detected one), and the ICS sheet,
 * when the workbook has one, gives the submission date, the target profile and its own issues. Without a date
 * there (nor --submitted), the submission date the user stored with the return is used (settings/submissionDate.ts).
 */
import type { SheetData } from "../core/cells";
import type { IsoDate } from "../core/dates";
import { detectMapping } from "../core/headers";
import { readIcsSheet, submissionDateFor } from "../core/ics";
import type { Issue } from "../core/issues";
import type { IcsReadResult, ValidateOptions, ValidationResult } from "../core/results";
import type { IcsDetails } from "../core/schema";
import { ICS_SHEET } from "../core/returnSheets";
import type { SheetInfo, WorkbookGateway } from "./gateway";
import { chooseSavedMapping, loadSavedMapping, type ChosenMapping } from "./settings/mappingSetting";
import { loadSubmissionDate, type SubmissionDate, type SubmissionSource } from "./settings/submissionDate";
import { readTrustSheet } from "./sheetChoice";

/** All a host must offer to read a return (every WorkbookGateway does). */
export type WorkbookReader = Pick<WorkbookGateway, "listSheets" | "readSheet" | "loadSetting" | "settingKeys">;

/** Validation of one sheet; the task pane runs it in a Web Worker, the command line in line. */
export type Validator = (sheet: SheetData, options: ValidateOptions) => Promise<ValidationResult>;

export interface ReadReturnOptions {
  /** The trust sheet; by default `Trusts`, else the first visible sheet with a header row (app/sheetChoice.ts). */
  readonly sheet?: string;
  /** The command line's --submitted, used when the ICS sheet gives no submission date (before the stored one). */
  readonly submitted?: IsoDate;
  readonly today: IsoDate;
}

/** A return as read from its workbook, before validation. */
export interface ReturnSheets {
  /** Every sheet of the workbook, as listed once for this read. */
  readonly sheets: readonly SheetInfo[];
  /** The trust sheet. */
  readonly sheet: SheetData;
  /** Null when the workbook has no `ICS` sheet (or the trust sheet is the ICS sheet). */
  readonly ics: IcsReadResult | null;
  readonly mapping: ChosenMapping;
  /** The date the date rules measure from: the ICS sheet's, else --submitted, else the stored one, else today. */
  readonly submitted: IsoDate;
  readonly submittedFrom: SubmissionSource;
}

/** A return read and validated: the trust sheet's result with the ICS sheet's issues counted in. */
export interface CheckedReturn extends ReturnSheets {
  readonly result: ValidationResult;
  /** Issues of the ICS sheet, then of the trust sheet. */
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
}

/** Whether the stored date could decide: only when neither the ICS sheet nor --submitted gives a date. */
export function needsStoredDate(ics: IcsDetails | null, given: IsoDate | undefined): boolean {
  return (ics?.submissionDate ?? null) === null && given === undefined;
}

/**
 * The date the rules measure from and where it came from: the core's order of spec section 4 (the ICS sheet's date,
 * --submitted, today) with the date stored with the return before today (settings/submissionDate.ts).
 */
export function chooseSubmissionDate(ics: IcsDetails | null, given: IsoDate | undefined, stored: IsoDate | null, today: IsoDate): SubmissionDate {
  const source: SubmissionSource =
    (ics?.submissionDate ?? null) !== null ? "ics"
    : given !== undefined ? "given"
    : stored !== null ? "stored"
    : "today";
  return { date: submissionDateFor(ics, given ?? stored ?? undefined, today), source };
}

/**
 * Lists the sheets once, reads the trust sheet, the ICS sheet and the saved mapping once each (see loadSavedMapping),
 * and the stored submission date only when neither the ICS sheet nor --submitted gives one.
 */
export async function readReturnSheets(reader: WorkbookReader, options: ReadReturnOptions): Promise<ReturnSheets> {
  const sheets = await reader.listSheets();
  const sheet = await readTrustSheet(reader, sheets, options.sheet);
  const hasIcs = sheet.name !== ICS_SHEET && sheets.some((s) => s.name === ICS_SHEET);
  const ics = hasIcs ? readIcsSheet(await reader.readSheet(ICS_SHEET)) : null;
  // Saved under the sheet's name, or adopted from a sheet renamed since (settings/mappingSetting.ts).
  const mapping = chooseSavedMapping(await loadSavedMapping(reader, sheet, sheets), sheet, detectMapping(sheet));
  const details = ics?.details ?? null;
  const stored = needsStoredDate(details, options.submitted) ? await loadSubmissionDate(reader) : null;
  const { date: submitted, source: submittedFrom } = chooseSubmissionDate(details, options.submitted, stored, options.today);
  return { sheets, sheet, ics, mapping, submitted, submittedFrom };
}

/**
 * Validates a return already read (by default in line: ./validateInline, loaded on first use so that this
 * module does not bring the rule engine into the task pane, which validates in a Web Worker).
 */
export async function checkReturnSheets(read: ReturnSheets, validate?: Validator): Promise<CheckedReturn> {
  const validator = validate ?? (await import("./validateInline")).validateInline;
  const result = await validator(read.sheet, { submitted: read.submitted, mapping: read.mapping.mapping });
  const issues = [...(read.ics?.issues ?? []), ...result.issues];
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { ...read, result, issues, errors, warnings: issues.length - errors };
}

export async function checkReturn(reader: WorkbookReader, options: ReadReturnOptions, validate?: Validator): Promise<CheckedReturn> {
  return checkReturnSheets(await readReturnSheets(reader, options), validate);
}


/** The checked return as one ValidationResult with the ICS sheet's issues counted in (as `validate` reports it). */
export function wholeResult(checked: CheckedReturn): ValidationResult {
  return { ...checked.result, issues: checked.issues, errors: checked.errors, warnings: checked.warnings };
}
