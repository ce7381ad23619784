/** How values are shown inside messages and reports. */
import type { CellValue } from "../cells";
import { isoFromDate, type IsoDate } from "../dates";
import type { IssueValue } from "../issues";
import { quoteValue } from "../quote";
import { BoundedMemo } from "./memo";

const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Values inside sentences are cut shorter than the report's LONGEST_QUOTED: the sentence must stay readable. */
const LONGEST_SHOWN = 60;

function ukDateOf(iso: IsoDate): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d ?? ""} ${MONTHS_SHORT[(m ?? 1) - 1] ?? ""} ${y ?? ""}`;
}

/** Messages name the same few thousand days over and over (every day from 1990 to 2040 fits). */
const ukDates = new BoundedMemo<IsoDate, string>(20_000, ukDateOf);

/** 2023-12-31 → "31 Dec 2023": unambiguous whichever way round the reader writes dates. */
export function formatUkDate(iso: IsoDate): string {
  return ukDates.get(iso);
}

/** 1200000 → "£1,200,000"; pence shown only when there are any; negatives as "-£5". */
export function formatPounds(amount: number): string {
  const pence = Math.round(Math.abs(amount) * 100);
  const pounds = Math.floor(pence / 100);
  const rest = pence % 100;
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = amount < 0 && pence > 0 ? "-" : "";
  return `${sign}£${grouped}${rest > 0 ? `.${String(rest).padStart(2, "0")}` : ""}`;
}

/** A cell as the user would recognise it in a sentence: text quoted (bounded, controls shown), errors and logical values named. */
export function describeCell(cell: CellValue): string {
  if (cell === null) return "a blank cell";
  if (typeof cell === "string") return quoteValue(cell.trim(), LONGEST_SHOWN);
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return `the logical value ${cell ? "TRUE" : "FALSE"}`;
  if (cell instanceof Date) {
    const iso = isoFromDate(cell);
    return iso === null ? "an invalid date" : formatUkDate(iso);
  }
  return `the Excel error ${cell.code}`;
}

/**
 * The JSON-safe value of an issue (spec section 8): dates as YYYY-MM-DD, errors as their code, numbers as
 * numbers. JSON has no NaN or Infinity (JSON.stringify would print null) and no -0, so those are
 * given as the text "NaN", "Infinity", "-Infinity", and as 0.
 */
export function issueValueOf(cell: CellValue): IssueValue {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell + 0 : String(cell);
  if (cell === null || typeof cell === "string" || typeof cell === "boolean") return cell;
  if (cell instanceof Date) return isoFromDate(cell);
  return cell.code;
}

/** 4200000 → "£4.2m"; under a million, in full ("£250,000"); negatives "-£4.2m". */
export function shortPounds(amount: number): string {
  const size = Math.abs(amount);
  if (size < 1_000_000) return formatPounds(amount);
  return `${amount < 0 ? "-" : ""}£${(size / 1_000_000).toFixed(1)}m`;
}
