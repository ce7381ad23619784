/** What a command found in one file, as the text and JSON formats take it. */
import type { CheckedReturn } from "../app/checkReturn";
import type { ScoreResult } from "../core/results";

export interface CheckedFile {
  readonly file: string;
  readonly checked: CheckedReturn;
}

export interface FileScore {
  readonly file: string;
  readonly sheet: string;
  readonly result: ScoreResult;
  readonly weighted: boolean;
}
