/** The rules of spec section 6. Row rules are data: see ROW_RULES. */
export { ROW_RULES } from "./table";
export { CONSISTENCY_RULES } from "./consistency";
export { FUNDING_GAP_TOLERANCE, FUNDING_RULES, fundingGap, isOverTwoYears } from "./funding";
export { PLACEHOLDER_RULES, REQUIRED_RULES } from "./required";
export { isColumnRequiredFor, isRequiredFor } from "./requirement";
export { convergeOnUnusedSupplier, duplicateTrustCodes, SHEET_RULES, singleIcsSplit } from "./sheet";
export { columnFindings, columnLayout, type ColumnLayout } from "./columns";
export { findingsOfRow, placeRowFinding, type ColumnOf } from "./row";
export { sortFindings, toIssue } from "./issue";
export type { Finding, PlacedRow, ReadRow, RowContext, RowFinding, RowRule, SheetContext } from "./types";
