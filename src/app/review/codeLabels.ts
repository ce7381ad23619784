/** A short name for each kind of issue, for the counts and the filter by type (the messages say the rest). */
import type { IssueCode } from "../../core/issues";

export const ISSUE_CODE_LABELS: Readonly<Record<IssueCode, string>> = {
  required: "Required value missing",
  placeholder: "Placeholder",
  non_canonical: "Non-standard spelling",
  invalid_enum: "Not an allowed value",
  invalid_code: "Not an ODS code",
  duplicate: "Duplicate trust",
  imprecise_date: "Month, quarter or year only",
  invalid_date: "Unreadable date",
  out_of_range: "Out of range",
  number_as_text: "Number typed as text",
  invalid_number: "Unreadable number",
  too_long: "Text too long",
  inconsistent: "Values disagree",
  formula_error: "Excel error value",
  procurement_over_two_years: "Procurement over 2 years",
  funding_gap: "Funding gap",
  matched_funding_exceeded: "Matched funding exceeded",
  missing_column: "Missing column",
  unknown_column: "Unknown column",
  duplicate_column: "Column given twice",
};
