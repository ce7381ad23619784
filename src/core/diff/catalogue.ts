/**
 * The diff's words, beside the core's message catalogue (../catalogue.ts, which holds the issues' messages): how a
 * change, a trust and the summary read, for `epr-return diff` and the task pane's Compare view alike. Dates in prose
 * ("31 Dec 2025"), money in full in a trust's change ("£1,500,000") and short in the summary ("£4.2m"). Text from
 * the workbook is bounded and its invisible characters shown (../quote.ts).
 */
import { columnDef, type ColumnKey } from "../columns";
import { plural } from "../plural";
import { boundedText, quoteValue } from "../quote";
import { formatPounds, formatUkDate, shortPounds } from "../read/display";
import { ICS_LABELS, type IcsDetails } from "../schema";
import type {
  AddedTrust, DateSlip, DiffSummary, FieldChange, FieldValue, FigureChange, FigureKind, IcsChange, RepeatedCode, ReturnDiff, TrustRef,
} from "./types";

/** Values inside a change are cut shorter than a report's: the line must stay readable. */
const LONGEST_VALUE = 80;

export const BLANK = "blank";

/** The column's header on the template (spec section 3). */
export function fieldLabel(column: ColumnKey): string {
  return columnDef(column).header;
}

export function icsLabel(field: keyof IcsDetails): string {
  return ICS_LABELS[field];
}


function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A field's value as a change shows it: dates "31 Mar 2025", money "£1,500,000", text quoted, blank as "blank". */
export function fieldValueText(column: ColumnKey, value: FieldValue): string {
  if (value === null) return BLANK;
  if (typeof value === "number") return columnDef(column).type === "money" ? formatPounds(value) : String(value);
  const type = columnDef(column).type;
  if (type === "date") return formatUkDate(value);
  // Enumerations and suppliers are canonical spellings: shown as they are. Free text is the sender's: quoted.
  return type === "text" ? quoteValue(value, LONGEST_VALUE) : boundedText(value, LONGEST_VALUE);
}

const PLAN_DATES: ReadonlySet<ColumnKey> = new Set(["goLiveDate", "targetGoLiveDate", "procurementStartDate", "contractAwardDate"]);

function daysNote(column: ColumnKey | null, days: number): string {
  const span = plural(Math.abs(days), "day");
  // A planned date that moves later has slipped; a contract end (or the submission date) is just later.
  if (days > 0) return column !== null && PLAN_DATES.has(column) ? `slipped ${span}` : `${span} later`;
  return `${span} earlier`;
}

/** What a change amounts to, when there is more to say than old → new: "slipped 92 days", "up £500,000", "progress". */
export function changeNote(change: FieldChange): string | null {
  if (change.days !== undefined && change.days !== 0) return daysNote(change.column, change.days);
  if (change.change !== undefined && change.change !== 0) return `${change.change > 0 ? "up" : "down"} ${formatPounds(Math.abs(change.change))}`;
  if (change.direction === "progress") return "progress";
  if (change.direction === "regress") return "a step back";
  return null;
}

/** "Implementing → Live (progress)". */
export function fieldChangeText(change: FieldChange): string {
  const note = changeNote(change);
  return `${fieldValueText(change.column, change.old)} → ${fieldValueText(change.column, change.new)}${note === null ? "" : ` (${note})`}`;
}

function icsValueText(field: keyof IcsDetails, value: string | null): string {
  if (value === null) return BLANK;
  if (field === "submissionDate") return formatUkDate(value);
  return field === "icbCode" || field === "targetProfile" ? value : quoteValue(value, LONGEST_VALUE);
}

export function icsChangeText(change: IcsChange): string {
  const note = change.days !== undefined && change.days !== 0 ? ` (${daysNote(null, change.days)})` : "";
  return `${icsValueText(change.field, change.old)} → ${icsValueText(change.field, change.new)}${note}`;
}

/** "Moorside Community Trust (RZ5)", as `validate` names a trust; a row with neither says so. */
export function trustLabel(trust: Pick<TrustRef, "trustCode" | "trustName">): string {
  const name = trust.trustName === null ? null : boundedText(trust.trustName, LONGEST_VALUE);
  const code = trust.trustCode === null ? null : boundedText(trust.trustCode);
  if (name !== null && code !== null) return `${name} (${code})`;
  return name ?? code ?? "A trust with no name or code";
}

export function addedText(trust: AddedTrust): string {
  return trust.sameNameAs === null
    ? "added"
    : `added; ${boundedText(trust.sameNameAs)}, removed, has the same name (trusts are matched by code, so a corrected code counts as removed and added)`;
}

export function repeatedText(repeated: RepeatedCode): string {
  const rows = `${plural(repeated.old, "row")} of the old return and ${repeated.new} of the new`;
  return repeated.trustCode === null
    ? `${rows} have no readable trust code: they are matched in order`
    : `${boundedText(repeated.trustCode)} is on ${rows}: matched in order, first with first`;
}

/** A headline figure's value: counts, scores to one place, shares as percentages, money in full, dates in prose. */
export function figureValueText(kind: FigureKind, value: FigureChange["old"]): string {
  if (value === null) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return formatUkDate(value);
  switch (kind) {
    case "share": return percent(value);
    case "pounds": return formatPounds(value);
    case "decimal": return value.toFixed(1);
    default: return String(value);
  }
}

/** How far a headline figure moved: "+12.5 points", "-£1,200,000", "+92 days"; empty when it did not (or is yes/no). */
export function figureChangeText(figure: FigureChange): string {
  const { change, kind } = figure;
  if (change === null || change === 0) return "";
  const sign = change > 0 ? "+" : "-";
  const size = Math.abs(change);
  switch (kind) {
    case "share": return `${sign}${(size * 100).toFixed(1)} points`;
    case "pounds": return `${sign}${formatPounds(size)}`;
    case "decimal": return `${sign}${size.toFixed(1)}`;
    case "date": return `${sign}${plural(size, "day")}`;
    default: return `${sign}${size}`;
  }
}

const SLIP_WORDS: Readonly<Record<DateSlip["column"], string>> = { goLiveDate: "go-live dates", targetGoLiveDate: "target go-live dates" };

function slipText(slip: DateSlip, matched: number): string | null {
  if (slip.slipped === 0) return null;
  const days = plural(slip.medianDays ?? 0, "day");
  const median = slip.slipped === 1 ? days : `median ${days}`;
  return `${slip.slipped} of ${matched} ${matched === 1 ? "trust's" : "trusts'"} ${SLIP_WORDS[slip.column]} slipped, ${median}`;
}

/**
 * The one-sentence summary: "2 trusts changed; 3 of 12 trusts' target go-live dates slipped, median 92 days;
 * national funding asked up £4.2m". Only what happened is named.
 */
export function summaryText(summary: DiffSummary): string {
  const parts: string[] = [];
  const counts = [
    summary.changed > 0 ? `${plural(summary.changed, "trust")} changed` : null,
    summary.added > 0 ? `${summary.added} added` : null,
    summary.removed > 0 ? `${summary.removed} removed` : null,
  ].filter((p): p is string => p !== null);
  if (counts.length > 0) parts.push(counts.join(", "));
  if (summary.icsChanged > 0) parts.push(`${plural(summary.icsChanged, "ICS detail")} changed`);
  for (const slip of summary.slips) {
    const text = slipText(slip, summary.matched);
    if (text !== null) parts.push(text);
  }
  const { progress, regress } = summary.status;
  if (progress > 0) parts.push(`${plural(progress, "trust")} moved forward in EPR status`);
  if (regress > 0) parts.push(`${plural(regress, "trust")} moved back in EPR status`);
  if (summary.nationalFunding !== 0) parts.push(`national funding asked ${summary.nationalFunding > 0 ? "up" : "down"} ${shortPounds(Math.abs(summary.nationalFunding))}`);
  if (summary.met.old !== summary.met.new) parts.push(summary.met.new ? "the target is now met" : "the target is no longer met");
  if (parts.length === 0) return `No changes: the same ${plural(summary.matched, "trust")}, with the same values.`;
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** The summary of a whole diff. */
export function diffSummaryText(diff: ReturnDiff): string {
  return summaryText(diff.summary);
}
