/** The `--json` shapes of spec section 8, field for field. */
import { wholeResult } from "../../app/checkReturn";
import type { Issue } from "../../core/issues";
import { textPrefix } from "../../core/quote";
import type { CheckedFile, FileScore } from "../fileResults";

/**
 * An issue's value as reported: text longer than LONGEST_QUOTED characters is cut, with
 * `valueTruncated: true`, so that a long text in many cells is not repeated whole in every issue
 * (the export carries the data itself). The field is present only when the value was cut.
 */
function reportedValue(value: Issue["value"]): { value: Issue["value"]; valueTruncated?: true } {
  if (typeof value !== "string") return { value };
  const prefix = textPrefix(value);
  return prefix.length < value.length ? { value: prefix, valueTruncated: true } : { value };
}

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
      ...reportedValue(i.value),
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
