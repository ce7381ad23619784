/** Consolidating trust returns into one ICS return. */
export { mergeReturns, DUPLICATE_POLICIES } from "./merge";
export type { DuplicatePolicy, DroppedRow, MergeResult, MergedRow, MergeSource, SourceSummary } from "./merge";
