/** What changed between two submissions of the same return: `epr-return diff` and the task pane's Compare view (docs/diff.md). */
export { diffReturns, type DiffOptions, type ReturnSide } from "./diff";
export { cellLocator, changedCells, type CellLocator } from "./cells";
export { directionOf, PLAN_PROGRESSION, STAGE_PROGRESSION, STATUS_PROGRESSION } from "./progress";
export {
  addedText, changeNote, diffSummaryText, fieldChangeText, fieldLabel, fieldValueText, figureChangeText, figureValueText,
  icsChangeText, icsLabel, repeatedText, summaryText, trustLabel,
} from "./catalogue";
export { shortPounds } from "../read/display";
export type {
  AddedTrust, DateSlip, DiffSummary, Direction, FieldChange, FieldValue, FigureChange, FigureKind, HeadlineChange, IcsChange,
  RepeatedCode, ReturnDiff, TrustChange, TrustRef,
} from "./types";
