/** `epr-return validate FILE… [--sheet NAME] [--submitted YYYY-MM-DD] [--json]` */
import { submissionDateFor } from "../../core/ics";
import type { Issue } from "../../core/issues";
import type { ValidationResult } from "../../core/results";
import { validateSheet } from "../../core/validate";
import { allowOnly, booleanFlag, isoDateFlag, requireFiles, stringFlag, type ParsedArgs } from "../args";
import { validationJson } from "../format/json";
import { writeValidationText } from "../format/text";
import type { CliIo } from "../io";
import { forEachFile } from "../batch";
import { readReturn } from "../workbook";

export interface FileValidation {
  readonly file: string;
  readonly result: ValidationResult;
}

/** Validates one file: the trust sheet plus, when present, the ICS sheet (its issues come first). */
export async function validateFile(file: string, sheet: string | undefined, submitted: string | undefined, today: string): Promise<FileValidation> {
  const opened = await readReturn(file, sheet);
  const date = submissionDateFor(opened.ics?.details ?? null, submitted, today);
  const trusts = validateSheet(opened.sheet, { submitted: date });
  const icsIssues: readonly Issue[] = opened.ics?.issues ?? [];
  const issues = [...icsIssues, ...trusts.issues];
  const result: ValidationResult = {
    ...trusts,
    issues,
    errors: issues.filter((i) => i.severity === "error").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
  };
  return { file, result };
}

export async function runValidate(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["--sheet", "--submitted", "--json"]);
  const files = requireFiles(args);
  const sheet = stringFlag(args, "--sheet");
  const submitted = isoDateFlag(args, "--submitted");
  const json = booleanFlag(args, "--json");
  const { results, failed } = await forEachFile(files, io, (file) => validateFile(file, sheet, submitted, io.today));
  if (json) {
    const objects = results.map(validationJson);
    io.stdout(JSON.stringify(files.length === 1 ? (objects[0] ?? null) : objects, null, 2) + "\n");
  } else {
    for (const r of results) writeValidationText(r, (text) => io.stdout(text));
  }
  if (failed) return 2;
  return results.some((r) => r.result.errors > 0) ? 1 : 0;
}
