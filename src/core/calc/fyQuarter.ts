/** NHS financial-year quarters: the year runs April to March, Q1 is April to June. */
import type { IsoDate } from "../dates";
import { ISO_DATE_PATTERN } from "../dates";

/** 2023-12-31 → "Q3 2023/24"; 2024-03-31 → "Q4 2023/24"; 2024-04-01 → "Q1 2024/25". */
export function fyQuarter(iso: IsoDate): string {
  if (!ISO_DATE_PATTERN.test(iso)) throw new RangeError(`fyQuarter needs a YYYY-MM-DD date, got "${iso}"`);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  if (month < 1 || month > 12) throw new RangeError(`fyQuarter needs a month from 01 to 12, got "${iso}"`);
  const startYear = month >= 4 ? year : year - 1;
  // April..June → 1, ..., January..March → 4.
  const quarter = Math.floor(((month + 8) % 12) / 3) + 1;
  const endYear = String((startYear + 1) % 100).padStart(2, "0");
  return `Q${quarter} ${startYear}/${endYear}`;
}
