/**
 * The one message catalogue (spec section 6): the severity of each issue code and
 * the plain-English message of each situation. Every message says what is wrong
 * and what would be right, naming the column's header and the offending value.
 * Nothing else in the core writes message text.
 */
import type { CellValue } from "./cells";
import type { ColumnDef } from "./columns";
import type { IsoDate } from "./dates";
import { plural } from "./plural";
import type { IssueCode, Severity } from "./issues";
import { describeCell, formatPounds, formatUkDate } from "./read/display";
import type { NoteDetails, ReadCode, ReadNote } from "./read/note";
import { boundedList, boundedText, quoteValue } from "./quote";

/** The severity of each code; `too_long` and `inconsistent` vary (see severityOf and the rules table). */
export const DEFAULT_SEVERITY: Readonly<Record<IssueCode, Severity>> = {
  required: "error", placeholder: "warning", non_canonical: "warning", invalid_enum: "error", invalid_code: "error",
  duplicate: "error", imprecise_date: "warning", invalid_date: "error", out_of_range: "error",
  number_as_text: "warning", invalid_number: "error", too_long: "error", inconsistent: "error", formula_error: "error",
  procurement_over_two_years: "warning", funding_gap: "warning", matched_funding_exceeded: "warning",
  missing_column: "error", unknown_column: "warning", duplicate_column: "error",
};

/** `too_long` is an error for trust name and product, a warning for notes (columns.ts says which). */
export function severityOf(code: IssueCode, column?: ColumnDef): Severity {
  if (code === "too_long" && column?.tooLongSeverity) return column.tooLongSeverity;
  return DEFAULT_SEVERITY[code];
}

/**
 * Every text a message names that came from the workbook (values, headers, codes) goes through quote or
 * shown: at most LONGEST_QUOTED characters, invisible characters made visible (./quote.ts). The rules'
 * headers are bounded once where they are looked up (validate.ts sheetContext); the cell-level messages
 * below bound theirs again, as they are also called with headers from elsewhere.
 */
const quote = (text: string): string => quoteValue(text);
const shown = (text: string): string => boundedText(text);
const day = formatUkDate;

/** What usually gives each common Excel error; other errors (`#VALUE!`, `#SPILL!`, …) get the general cause. */
const ERROR_CAUSES: ReadonlyMap<string, string> = new Map([
  ["#N/A", "usually a lookup (VLOOKUP, XLOOKUP, MATCH) that found nothing"],
  ["#REF!", "usually a formula that refers to cells that were deleted"],
  ["#DIV/0!", "a formula that divides by zero or by a blank cell"],
  ["#NAME?", "usually a misspelt function, or one this spreadsheet program does not have"],
]);
const GENERAL_ERROR_CAUSE = "usually a formula that failed";

function dmy(iso: IsoDate): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

type DetailMessage<C extends ReadCode> = (what: string, detail: NoteDetails[C]) => string;

const PRECISION_WORDS = { month: "month", quarter: "quarter", year: "financial year" } as const;

const READING: { readonly [C in ReadCode]: DetailMessage<C> } = {
  non_canonical: (what, d) => `${what} is read as ${quote(d.canonical)}; write ${quote(d.canonical)}, the standard spelling.`,
  invalid_enum: (what, d) =>
    d.allowed.length === 0
      ? `${what} is not text; type the value.`
      : `${what} is not one of the allowed values; use one of ${d.allowed.join(", ")}.`,
  invalid_code: (what, d) =>
    d.form === "trust"
      ? `${what} is not a trust ODS code; a trust code is R or T followed by two letters or digits, e.g. RYJ, R1H or TAJ.`
      : `${what} is not an ICB ODS code; an ICB code is Q followed by two letters or digits, e.g. QE1.`,
  imprecise_date: (what, d) =>
    `${what} gives only the ${PRECISION_WORDS[d.precision]}, so it is read as ${day(d.iso)}, the last day of that ${PRECISION_WORDS[d.precision]}; enter the exact day if you know it.`,
  invalid_date: (what, d) => {
    switch (d.reason) {
      case "no_such_day": return `${what} is not a real day (that month has fewer days); check the day and the month.`;
      case "us_order": return `${what} is month first; dates are read day first (DD/MM/YYYY), so write ${d.suggestion ? dmy(d.suggestion) : "the day first"}.`;
      case "bad_serial": return `${what} is not an Excel date; enter the date as DD/MM/YYYY, e.g. 31/12/2023.`;
      case "unreadable": return `${what} is not a date we can read; write the day as DD/MM/YYYY, e.g. 31/12/2023 (month forms such as Dec 2023 or Q3 2023/24 are read too).`;
    }
  },
  out_of_range: (what, d) => {
    switch (d.reason) {
      case "negative": return `${what} is negative; amounts are 0 or more.`;
      case "too_large": return `${what} is far larger than any amount of pounds (at most 9,007,199,254,740,991 is read); check the number.`;
      case "before_1990": return `${what} is before 1 Jan 1990, outside the dates this return accepts; check the year.`;
      case "after_2040": return `${what} is after 31 Dec 2040, outside the dates this return accepts; check the year.`;
    }
  },
  number_as_text: (what, d) =>
    `${what} is text, read as ${d.expected === "money" ? formatPounds(d.amount) : String(d.amount)}; enter the number ${d.amount} so that Excel can add it up.`,
  invalid_number: (what, d) =>
    d.expected === "money"
      ? `${what} is not an amount we can read; enter a number of pounds such as 1200000 (text such as £1.2m is read too).`
      : `${what} is not a whole number of 0 or more; enter a count such as 450.`,
  too_long: (_what, d) => `the text is ${d.length} characters long, but at most ${d.max} are allowed; shorten it.`,
  formula_error: (_what, d) =>
    `the cell holds the Excel error ${shown(d.error)}, ${ERROR_CAUSES.get(d.error.toUpperCase()) ?? GENERAL_ERROR_CAUSE}; correct the formula or type the value.`,
};

/** The message of a reading note (spec section 5). header null: no column to name (e.g. a custom function). */
export function readingMessage<C extends ReadCode>(note: ReadNote<C>, header: string | null, cell: CellValue): string {
  const build: DetailMessage<C> = READING[note.code];
  const text = build(describeCell(cell), note.detail);
  return header === null ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : `${shown(header)}: ${text}`;
}

// ---- blank fields (section 5 and the `required` row rule) ----

export function placeholderMessage(header: string, cell: CellValue): string {
  return `${shown(header)}: ${describeCell(cell)} is a placeholder and counts as blank; enter the value when it is known, or leave the cell empty.`;
}

/** because: why the field is required here, from requirementReason; null when always required. */
export function requiredMessage(header: string, cell: CellValue, because: string | null): string {
  const state = cell === null || (typeof cell === "string" && cell.trim() === "") ? "is blank" : `holds the placeholder ${describeCell(cell)}, which counts as blank`;
  return `${shown(header)} ${state}, but it is required${because === null ? "" : ` ${because}`}; enter it.`;
}

export function requirementReason(requirement: "whenLiveOrImplementing" | "whenPlanChangesSystem", conditionHeader: string, actual: string): string {
  return requirement === "whenLiveOrImplementing"
    ? `when ${conditionHeader} is Live or Implementing (here ${quote(actual)})`
    : `when ${conditionHeader} is Single ICS EPR, Converge or New EPR (here ${quote(actual)})`;
}

// ---- row rules (section 6) ----

export const ruleMessages = {
  duplicateTrust: (h: string, code: string, rows: readonly number[]) =>
    `${shown(h)}: ${shown(code)} appears on rows ${boundedList(rows.map(String))}; each trust has exactly one row, so correct the code or merge the rows.`,
  liveAfterSubmission: (goLiveH: string, statusH: string, goLive: IsoDate, submitted: IsoDate) =>
    `${goLiveH}: ${day(goLive)} is after the submission date ${day(submitted)}, but ${statusH} is “Live”; correct the date, or set the status to “Implementing”.`,
  implementingBeforeSubmission: (goLiveH: string, statusH: string, goLive: IsoDate, submitted: IsoDate) =>
    `${goLiveH}: ${day(goLive)} is before the submission date ${day(submitted)}, but ${statusH} is “Implementing”; if the EPR is in use set the status to “Live”, otherwise give the planned go-live date.`,
  supplierWithoutSystem: (supplierH: string, statusH: string, supplier: string, status: string) =>
    `${supplierH}: ${quote(supplier)} is given, but ${statusH} is ${quote(status)}, so no EPR is in use or being implemented; clear the supplier (a planned one goes in the target supplier) or correct the status.`,
  keepWithoutSystem: (planH: string, statusH: string, plan: string, status: string) =>
    `${planH}: ${quote(plan)} keeps the current EPR, but ${statusH} is ${quote(status)}, so there is none to keep; choose New EPR, Converge or Single ICS EPR, or correct the status.`,
  keepWithOtherTarget: (targetH: string, planH: string, target: string, supplier: string | null, plan: string) =>
    `${targetH}: ${quote(target)} differs from the current supplier (${supplier === null ? "blank" : quote(supplier)}), but ${planH} is ${quote(plan)}, which keeps the current EPR; clear the target supplier or choose a plan that changes system.`,
  contractEndBeforeGoLive: (endH: string, goLiveH: string, end: IsoDate, goLive: IsoDate) =>
    `${endH}: ${day(end)} is before the ${goLiveH} ${day(goLive)}; a contract cannot end before the EPR goes live, so check both dates.`,
  awardBeforeProcurement: (awardH: string, startH: string, award: IsoDate, start: IsoDate) =>
    `${awardH}: ${day(award)} is before the ${startH} ${day(start)}; a contract is awarded after procurement starts, so check both dates.`,
  targetGoLivePast: (targetDateH: string, planH: string, target: IsoDate, submitted: IsoDate, plan: string) =>
    `${targetDateH}: ${day(target)} is before the submission date ${day(submitted)}, but ${planH} ${quote(plan)} is still to happen; give the planned go-live date.`,
  convergeOnUnusedSupplier: (targetH: string, planH: string, target: string) =>
    `${targetH}: no other trust in this sheet has ${quote(target)} as its supplier or target supplier, but ${planH} is “Converge” (moving to a supplier already used in the ICS); check the supplier, or choose “New EPR”.`,
  singleIcsSplit: (targetH: string, suppliers: readonly string[]) =>
    `${targetH}: the “Single ICS EPR” rows name ${suppliers.length} different target suppliers (${boundedList(suppliers.map(shown))}); a single ICS EPR means one supplier, so agree on one.`,
  localOnlyWithNational: (nationalH: string, modelH: string, national: number) =>
    `${nationalH}: ${formatPounds(national)} is requested, but ${modelH} is “Local only”; set national funding to 0 or choose another funding model.`,
  procurementOverTwoYears: (awardH: string, startH: string, award: IsoDate, start: IsoDate) =>
    `${awardH}: ${day(award)} is more than 24 months after the ${startH} ${day(start)}; business case and procurement rarely need longer, so check the timetable.`,
  fundingGap: (totalH: string, total: number, local: number, national: number, gap: number) =>
    `${totalH}: total cost ${formatPounds(total)} less local funding ${formatPounds(local)} and national funding ${formatPounds(national)} leaves ${gap > 0 ? `a gap of ${formatPounds(gap)}` : `${formatPounds(-gap)} more funding than cost`}; local plus national funding should equal the total cost (within £1).`,
  matchedFundingExceeded: (nationalH: string, modelH: string, national: number, local: number) =>
    `${nationalH}: ${formatPounds(national)} is more than the local funding ${formatPounds(local)}, but ${modelH} is “Matched 50/50”, where national money at most matches local money; request at most ${formatPounds(local)}.`,
};

// ---- sheet rules (section 6) ----

export const sheetMessages = {
  /** rowsRequiring: null when the column is always required. */
  missingColumn: (header: string, rowsRequiring: number | null) =>
    `The column ${quote(header)} is missing, but it is ${rowsRequiring === null ? "always required" : `required by ${plural(rowsRequiring, "row")}`}; add a column headed ${quote(header)} (or map an existing column to it).`,
  noHeaderRow: (header: string) =>
    `No header row was found in the first 10 rows, so the column ${quote(header)} is missing; put the return's headers (e.g. ${quote(header)}) in one row above the trusts.`,
  unknownColumn: (text: string) =>
    `The header ${quote(text)} names no column of the return, so its values are not read; rename it to one of the return's headers if it holds return data.`,
  duplicateColumn: (text: string, header: string, firstCell: string) =>
    `The header ${quote(text)} names the column ${quote(header)} again (already at ${firstCell}); only the first is read, so remove or rename this one.`,
};

// ---- the ICS sheet (section 4) ----

export const icsMessages = {
  invalidEmail: (label: string, text: string) =>
    `${shown(label)}: ${quote(text)} does not look like an email address; write it as name@organisation, e.g. jo.bloggs@nhs.net.`,
  /** A warning: the region only groups the national report's figures, so a return without one is still complete. */
  unknownRegion: (label: string, cell: CellValue, regions: readonly string[]) =>
    `${shown(label)}: ${describeCell(cell)} is not one of the NHS England regions, so a national report counts this return in no region; use one of ${regions.join(", ")}.`,
};
