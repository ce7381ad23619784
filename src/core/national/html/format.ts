/**
 * The page's figures in UK presentation: dates 31/12/2023, money £52.1m in charts and headlines (in full,
 * £52,100,000, in the tables beside them), shares as 62.5%, scores to one decimal place.
 */
import type { IsoDate } from "../../dates";
import { formatPounds } from "../../read";
import { shortPounds } from "../../read/display";

export { formatPounds, shortPounds };

/** 2023-12-31 → "31/12/2023"; null → an en dash (no date). */
export function shortDate(iso: IsoDate | null): string {
  if (iso === null) return "–";
  const [y = "", m = "", d = ""] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** 0.625 → "62.5%". */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** 57.142857 → "57.1". */
export function oneDecimal(value: number): string {
  return value.toFixed(1);
}

/** 1500 → "1,500". */
export function count(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function yesNo(value: boolean): string {
  return value ? "Yes" : "No";
}
