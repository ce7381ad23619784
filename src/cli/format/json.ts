/** The `--json` shapes of spec section 8, field for field. */
import { wholeResult } from "../../app/checkReturn";
import type { CheckedFile, FileScore } from "../fileResults";

export function validationJson({ file, checked }: CheckedFile): object {
  const result = wholeResult(checked);
  return {
    file,
    sheet: result.sheet,
    headerRow: result.headerRow,
    rows: result.rows,
    errors: result.errors,
    warnings: result.warnings,
    mapping: result.mapping,
    issues: result.issues.map((i) => ({
      sheet: i.sheet,
      cell: i.cell,
      row: i.row,
      column: i.column,
      code: i.code,
      severity: i.severity,
      message: i.message,
      value: i.value,
    })),
  };
}

export function scoreJson({ file, sheet, result }: FileScore): object {
  return {
    file,
    sheet,
    trusts: result.trusts,
    convergence: result.convergence,
    coverage: result.coverage,
    funding: result.funding,
  };
}
