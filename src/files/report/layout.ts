/**
 * Where things are in the report workbook (OUT.xlsx, docs/national.md): sheet names, the Trusts sheet's columns
 * and the National sheet's target cells, which the other sheets' formulas point at.
 */
import { columnLetters } from "../../core/cells";
import { COLUMN_KEYS, COLUMNS, type ColumnKey } from "../../core/columns";

export const REPORT_SHEETS = { national: "National", icss: "ICSs", trusts: "Trusts", suppliers: "Suppliers", problems: "Problems" } as const;

/** Trusts: the return's file, ICS and region, then the 20 columns of spec section 3, then the per-row figures. */
export const TRUSTS_LEAD_HEADERS = ["File", "ICS name", "Region"] as const;
export const TRUSTS_FIGURE_HEADERS = ["Supplier now", "Supplier at target", "Installed at target date", "Implementing at target date"] as const;
export const TRUSTS_HEADERS: readonly string[] = [...TRUSTS_LEAD_HEADERS, ...COLUMNS.map((c) => c.header), ...TRUSTS_FIGURE_HEADERS];

/** The letter of a canonical column on the report's Trusts sheet (three columns right of the template's). */
export function trustsLetter(key: ColumnKey): string {
  return columnLetters(TRUSTS_LEAD_HEADERS.length + COLUMN_KEYS.indexOf(key) + 1);
}
const figureLetter = (header: (typeof TRUSTS_FIGURE_HEADERS)[number]): string =>
  columnLetters(TRUSTS_LEAD_HEADERS.length + COLUMN_KEYS.length + TRUSTS_FIGURE_HEADERS.indexOf(header) + 1);

/** The Trusts columns the other sheets' formulas read. */
export const TRUSTS_COLUMNS = {
  file: "A",
  region: "C",
  supplierNow: figureLetter("Supplier now"),
  supplierTarget: figureLetter("Supplier at target"),
  installed: figureLetter("Installed at target date"),
  implementing: figureLetter("Implementing at target date"),
  beds: trustsLetter("beds"),
  totalCost: trustsLetter("totalCost"),
  localFunding: trustsLetter("localFunding"),
  nationalFunding: trustsLetter("nationalFunding"),
} as const;
export type TrustsColumn = keyof typeof TRUSTS_COLUMNS;

/** The first data row of every table sheet (row 1 holds the headers). */
export const FIRST_ROW = 2;
/** The last row a range over n data rows covers: at least one row, so that formulas over no data stay valid. */
export const lastRowFor = (rows: number): number => FIRST_ROW + Math.max(rows, 1) - 1;

/** The National sheet's target: the cells every coverage formula reads. */
export const NATIONAL_CELLS = { profile: "$B$1", asOf: "$B$2", minInstalled: "$B$3", minCovered: "$B$4" } as const;
export const nationalCell = (name: keyof typeof NATIONAL_CELLS): string => `${REPORT_SHEETS.national}!${NATIONAL_CELLS[name]}`;
