/** Builds `Trusts` sheets for the rule and validation tests. */
import type { CellValue, SheetData } from "../../../src/core/cells";
import { COLUMNS, type ColumnKey } from "../../../src/core/columns";
import type { Issue, IssueCode } from "../../../src/core/issues";
import type { ValidationResult } from "../../../src/core/results";
import { validateSheet } from "../../../src/core/validate";

export type RowInput = Partial<Record<ColumnKey, CellValue>>;

export const SUBMITTED = "2023-11-30";

/** A complete, consistent live trust keeping its EPR: no issues on its own. */
export const LIVE_ROW: RowInput = {
  trustCode: "RYJ", trustName: "Imperial College Healthcare", trustType: "Acute", eprStatus: "Live",
  supplier: "Oracle Health", product: "Millennium", goLiveDate: "2019-06-01", plan: "Keep", beds: 1200,
};

/** A complete trust procuring a new EPR. */
export const NEW_EPR_ROW: RowInput = {
  trustCode: "RAJ", trustName: "Mid and South Essex", trustType: "Acute", eprStatus: "Procuring", plan: "New EPR",
  targetSupplier: "Epic", targetGoLiveDate: "2025-10-01", businessCaseStage: "FBC", fundingModel: "Matched 50/50",
  totalCost: 10_000_000, localFunding: 5_000_000, nationalFunding: 5_000_000,
};

/** The template's header row over the given columns (all by default), then one row per input. */
export function trustsSheet(rows: readonly RowInput[], keys: readonly ColumnKey[] = COLUMNS.map((c) => c.key)): SheetData {
  const headers = keys.map((key) => COLUMNS.find((c) => c.key === key)?.header ?? key);
  return { name: "Trusts", firstRow: 1, firstCol: 1, rows: [headers, ...rows.map((row) => keys.map((key) => row[key] ?? null))] };
}

export function validateRows(rows: readonly RowInput[], submitted = SUBMITTED): ValidationResult {
  return validateSheet(trustsSheet(rows), { submitted });
}

/** The issues of a code (and column), as "cell code severity" strings for compact assertions. */
export function issuesOf(result: ValidationResult, code: IssueCode, column?: ColumnKey): Issue[] {
  return result.issues.filter((i) => i.code === code && (column === undefined || i.column === column));
}

export function cellsOf(result: ValidationResult, code: IssueCode, column?: ColumnKey): string[] {
  return issuesOf(result, code, column).map((i) => `${i.cell} ${i.severity}`);
}
