/** `epr-return validate FILE… [--sheet NAME] [--submitted YYYY-MM-DD] [--json]` */
import { checkReturn } from "../../app/checkReturn";
import type { IsoDate } from "../../core/dates";
import { allowOnly, booleanFlag, isoDateFlag, requireFiles, stringFlag, type ParsedArgs } from "../args";
import { forEachFile } from "../batch";
import type { CheckedFile } from "../fileResults";
import { validationJson } from "../format/json";
import { writeValidationText } from "../format/text";
import type { CliIo } from "../io";
import { inFile, openForReading } from "../openReturn";

/** Validates one file: the trust sheet plus, when present, the ICS sheet (its issues come first). */
export async function validateFile(file: string, sheet: string | undefined, submitted: IsoDate | undefined, today: IsoDate): Promise<CheckedFile> {
  const reader = await openForReading(file, sheet);
  const checked = await inFile(file, () => checkReturn(reader, { today, ...(sheet !== undefined ? { sheet } : {}), ...(submitted !== undefined ? { submitted } : {}) }));
  return { file, checked };
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
  return results.some((r) => r.checked.errors > 0) ? 1 : 0;
}
