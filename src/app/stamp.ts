/**
 * The validation stamp, for every host: made from a checked return with no errors and written through the
 * gateway (a very hidden sheet, src/core/stamp/sheetLayout.ts); verified by reading the return again, the same
 * way it was stamped (the saved column mapping included), and comparing.
 */
import { compareWithStamp, createStamp, STAMP_SHEET, stampFromSheet, stampToRows, type FieldChange, type Stamp, type StampComparison } from "../core/stamp";
import { columnDef, type ColumnType } from "../core/columns";
import type { IsoDate } from "../core/dates";
import { boundedText } from "../core/quote";
import { describeCell, formatPounds, formatUkDate } from "../core/read";
import { ICS_LABELS, type IcsDetails } from "../core/schema";
import type { CheckedReturn, Validator, WorkbookReader } from "./checkReturn";
import { checkReturnSheets, readReturnSheets } from "./checkReturn";
import type { SheetInfo, WorkbookGateway } from "./gateway";
import { plural } from "../core/plural";

/** A stamp was refused: the return has errors, and a stamp says it passed validation. */
export class StampRefusedError extends Error {
  override readonly name = "StampRefusedError";
}

/** The workbook's stamp, or null when it has none; throws StampReadError when the stamp sheet is damaged. */
export async function readReturnStamp(reader: Pick<WorkbookReader, "readSheet">, sheets: readonly SheetInfo[]): Promise<Stamp | null> {
  if (!sheets.some((s) => s.name === STAMP_SHEET)) return null;
  return stampFromSheet(await reader.readSheet(STAMP_SHEET));
}

/** Makes the stamp of a checked return with no errors and writes it (replacing an earlier one); returns it. */
export async function stampReturn(gateway: Pick<WorkbookGateway, "writeStampSheet">, checked: CheckedReturn, now: Date): Promise<Stamp> {
  if (checked.errors > 0) throw new StampRefusedError(`the return has ${plural(checked.errors, "error")} (a stamp says it passed validation)`);
  const stamp = await createStamp({
    sheet: checked.sheet.name,
    ics: checked.ics?.details ?? null,
    trusts: checked.result.trusts,
    warnings: checked.warnings,
    stampedAt: now,
  });
  await gateway.writeStampSheet(stampToRows(stamp));
  return stamp;
}

/**
 * What verify found. `match`: the data is what was stamped and the return has no errors under the current
 * rules. `errors`: the data is what was stamped, but the return has errors now (rules changed since, or the
 * stamp was made over a return with errors: anyone can compute one, it is an unkeyed hash, not a signature).
 * `changed`: the data differs from the stamp. `errors` counts the return's errors under the current rules;
 * null when the stamped sheet is gone and there is nothing to check.
 */
export type VerifyResult =
  | ({ readonly status: "match" | "changed" | "errors"; readonly stamp: Stamp; readonly sheetMissing: boolean; readonly errors: number | null } & Omit<StampComparison, "status">)
  | { readonly status: "unstamped" };

/**
 * The one rule for what a comparison means (verify and the task pane's Stamp view): the data matching its stamp
 * is a `match` only while the return has no errors under the current rules; otherwise `errors`.
 */
export function stampStatus(comparison: Pick<StampComparison, "status">, errors: number): "match" | "changed" | "errors" {
  return comparison.status === "match" && errors > 0 ? "errors" : comparison.status;
}

/** A checked return compared with its stamp: what changed, and what that means (stampStatus). */
export interface StampCheck {
  readonly comparison: StampComparison;
  readonly status: "match" | "changed" | "errors";
  /** The return's errors under the current rules. */
  readonly errors: number;
}

/**
 * Compares a checked return with its stamp: the trusts as validation read them (the very rows stampReturn hashes)
 * and the ICS details. The one reading for verify and every pane view that shows the stamp's state.
 */
export async function compareCheckedReturn(stamp: Stamp, checked: Pick<CheckedReturn, "ics" | "result" | "errors">): Promise<StampCheck> {
  const comparison = await compareWithStamp(stamp, { ics: checked.ics?.details ?? null, trusts: checked.result.trusts });
  return { comparison, status: stampStatus(comparison, checked.errors), errors: checked.errors };
}

/** A value now, as the user reads it in a sentence: 30 Jun 2025, £5,000,000, 1,200 (beds), “text” (bounded), blank. */
function valueNow(value: string | number | null, type: ColumnType): string {
  if (value === null) return "blank";
  if (type === "date" && typeof value === "string") return formatUkDate(value);
  if (type === "money" && typeof value === "number") return formatPounds(value);
  if (type === "whole" && typeof value === "number") return value.toLocaleString("en-GB");
  return describeCell(value);
}

function columnChange(change: FieldChange): string {
  const { header, type } = columnDef(change.key);
  return `${header} changed (now ${valueNow(change.now, type)})`;
}

function icsChange(change: FieldChange<keyof IcsDetails>): string {
  return `${ICS_LABELS[change.key]} changed (now ${valueNow(change.now, change.key === "submissionDate" ? "date" : "text")})`;
}

// Trust codes come from the workbook: shown bounded, controls made visible.
const place = (row: number, code: string | null) => `row ${row}${code ? ` (${boundedText(code)})` : ""}`;
const Place = (row: number, code: string | null) => `R${place(row, code).slice(1)}`;

/**
 * What changed since the stamp, one line each, for the Stamp view and `epr-return verify`: the fields that changed
 * with their values now (the stamp keeps hashes, not values, so what a value was cannot be shown), or, for a stamp
 * that cannot tell which field changed, that the row did.
 */
export function describeStampChanges(c: Omit<StampComparison, "status">): string[] {
  const ics = c.icsChanged ? [c.icsFields ? `ICS details: ${c.icsFields.map(icsChange).join(", ")}` : "The ICS details changed"] : [];
  const changed = c.changedRows.map((r) => {
    const what = r.fields ? r.fields.map(columnChange).join(", ") : "changed (the stamp cannot tell which value)";
    const moved = r.stampedRow !== r.row || r.stampedTrustCode !== r.trustCode ? `; stamped as ${place(r.stampedRow, r.stampedTrustCode)}` : "";
    return `${Place(r.row, r.trustCode)}: ${what}${moved}`;
  });
  return [
    ...ics,
    ...changed,
    ...c.addedRows.map((r) => `${Place(r.row, r.trustCode)}: added`),
    ...c.removedRows.map((r) => `${r.trustCode ? boundedText(r.trustCode) : "A row"} (was row ${r.row}): removed`),
    ...(c.orderChanged ? ["The rows are in a different order"] : []),
  ];
}

export interface VerifyOptions {
  /**
   * The submission date when the ICS sheet gives none (the command line's --submitted); else the date
   * stored with the return; else the stamping day.
   */
  readonly submitted?: IsoDate;
  /** How to validate (by default in line, as checkReturnSheets does). */
  readonly validate?: Validator;
}

/**
 * Compares the return with its stamp and validates it again. The trust sheet is the one the stamp names,
 * read with the workbook's saved column mapping as stamping did; when the sheet is gone, every stamped row
 * counts as removed. A stamp says the return passed validation: that holds only while it still does.
 */
export async function verifyReturn(reader: WorkbookReader, options: VerifyOptions = {}): Promise<VerifyResult> {
  const sheets = await reader.listSheets();
  const stamp = await readReturnStamp(reader, sheets);
  if (!stamp) return { status: "unstamped" };
  const sheetMissing = !sheets.some((s) => s.name === stamp.sheet);
  if (sheetMissing) {
    const comparison = await compareWithStamp(stamp, { ics: null, trusts: [] });
    return { ...comparison, stamp, sheetMissing, errors: null };
  }
  // Without a submission date on the ICS sheet or given, the stamping day stands in for "today" then.
  const today = stamp.stampedAt.slice(0, 10);
  const read = await readReturnSheets(reader, { sheet: stamp.sheet, today, ...(options.submitted ? { submitted: options.submitted } : {}) });
  const checked = await checkReturnSheets(read, options.validate);
  const { comparison, status } = await compareCheckedReturn(stamp, checked);
  return { ...comparison, status, stamp, sheetMissing, errors: checked.errors };
}
