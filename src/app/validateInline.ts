/**
 * Validation in line, on the calling thread: the command line, Merge's sources and tests (a Validator of
 * ./checkReturn, which loads this module when no other is given). Its own module so that importing
 * app/checkReturn does not bring the rule engine (core/validate) with it: the task pane validates in a Web
 * Worker and keeps the engine out of its first download.
 */
import type { SheetData } from "../core/cells";
import type { ValidateOptions, ValidationResult } from "../core/results";
import { validateSheet } from "../core/validate";

export async function validateInline(sheet: SheetData, options: ValidateOptions): Promise<ValidationResult> {
  return validateSheet(sheet, options);
}
