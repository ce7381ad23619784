/** What `epr-return diff` found, as its text and JSON formats take it: both files as read and checked, and their diff. */
import type { ReturnDiff } from "../../core/diff";
import type { CheckedFile } from "../fileResults";

export interface FileDiff {
  readonly old: CheckedFile;
  readonly new: CheckedFile;
  readonly diff: ReturnDiff;
}
