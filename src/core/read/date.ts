/** Date cells (spec section 5): Date values, Excel serials and UK text, within 1990–2040. */
import type { CellValue } from "../cells";
import { DEFAULT_SEVERITY, readingMessage } from "../catalogue";
import { isoFromDate, isoFromSerial, type IsoDate } from "../dates";
import { parseDateText, type DateParse } from "./dateText";
import { makeNote, readInvalid, readValue, type DatePrecision, type OutOfRangeReason, type ReadNote, type ReadResult } from "./note";
import { BoundedMemo } from "./memo";
import { readContent, type Content } from "./presence";

export const EARLIEST_DATE: IsoDate = "1990-01-01";
export const LATEST_DATE: IsoDate = "2040-12-31";

/** A Date is its UTC calendar day; a number is an Excel 1900-system serial (60, Excel's 29/02/1900, is none). */
function parseContent(content: Content): DateParse {
  if (content instanceof Date) {
    const iso = isoFromDate(content);
    return iso === null ? { ok: false, reason: "unreadable" } : { ok: true, iso, precision: "day" };
  }
  if (typeof content === "number") {
    const iso = isoFromSerial(content);
    return iso === null ? { ok: false, reason: "bad_serial" } : { ok: true, iso, precision: "day" };
  }
  if (typeof content === "string") return parseDateText(content);
  return { ok: false, reason: "unreadable" };
}

function rangeProblem(iso: IsoDate): OutOfRangeReason | null {
  // ISO dates compare correctly as text.
  if (iso < EARLIEST_DATE) return "before_1990";
  if (iso > LATEST_DATE) return "after_2040";
  return null;
}

type DateOutcome = { readonly iso: IsoDate; readonly precision: DatePrecision } | { readonly problem: ReadNote<"invalid_date" | "out_of_range"> };

function dateOutcome(content: Content): DateOutcome {
  const parsed = parseContent(content);
  if (!parsed.ok) {
    const detail = parsed.suggestion === undefined ? { reason: parsed.reason } : { reason: parsed.reason, suggestion: parsed.suggestion };
    return { problem: makeNote("invalid_date", DEFAULT_SEVERITY.invalid_date, detail) };
  }
  const range = rangeProblem(parsed.iso);
  if (range !== null) return { problem: makeNote("out_of_range", DEFAULT_SEVERITY.out_of_range, { reason: range }) };
  return { iso: parsed.iso, precision: parsed.precision };
}

function readDateContent(content: Content): ReadResult<IsoDate> {
  const outcome = dateOutcome(content);
  if ("problem" in outcome) return readInvalid(outcome.problem);
  if (outcome.precision === "day") return readValue(outcome.iso);
  return readValue(outcome.iso, [makeNote("imprecise_date", DEFAULT_SEVERITY.imprecise_date, { iso: outcome.iso, precision: outcome.precision })]);
}

const MS_PER_DAY = 86_400_000;

// Every day from 1990 to 2040 fits in the first two; text dates repeat a few spellings. Dates at
// midnight UTC (as the adapters give them) are remembered by day number, a small integer key.
const byDay = new BoundedMemo<number, ReadResult<IsoDate>>(20_000, (day) => readDateContent(new Date(day * MS_PER_DAY)));
const bySerial = new BoundedMemo<number, ReadResult<IsoDate>>(20_000, readDateContent);
const byText = new BoundedMemo<string, ReadResult<IsoDate>>(4_096, readDateContent);

/** A date field: the day, with imprecise_date when only a month, quarter or year was given. */
export function readDate(cell: CellValue): ReadResult<IsoDate> {
  return readContent(cell, (content) => {
    if (content instanceof Date) {
      const day = content.getTime() / MS_PER_DAY;
      return Number.isInteger(day) ? byDay.get(day) : readDateContent(content);
    }
    if (typeof content === "number") return bySerial.get(content);
    if (typeof content === "string") return byText.get(content);
    return readDateContent(content);
  });
}

export type UkDateParse =
  | { readonly iso: IsoDate; readonly precision: DatePrecision }
  | { readonly error: "invalid_date" | "out_of_range" | "formula_error"; readonly message: string };

/** For the custom functions: a cell's date and precision, the problem with it, or null when blank (placeholders such as TBC count as blank). */
export function parseUkDate(value: CellValue): UkDateParse | null {
  const result = readContent<UkDateParse>(value, (content) => {
    const outcome = dateOutcome(content);
    if ("problem" in outcome) return readValue({ error: outcome.problem.code, message: readingMessage(outcome.problem, null, value) });
    return readValue(outcome);
  });
  // An Excel error is settled by readContent itself, with no value: it is a problem here, not a blank.
  const failed = result.notes[0];
  if (failed?.code === "formula_error") return { error: "formula_error", message: readingMessage(failed, null, value) };
  return result.value;
}
