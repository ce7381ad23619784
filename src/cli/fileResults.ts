/** What a command found in one file, as the text and JSON formats take it. */
import type { ScoreResult, ValidationResult } from "../core/results";

export interface FileValidation {
  readonly file: string;
  /** The trust sheet's result with the ICS sheet's issues counted in. */
  readonly result: ValidationResult;
}

export interface FileScore {
  readonly file: string;
  readonly sheet: string;
  readonly result: ScoreResult;
  readonly weighted: boolean;
}
