/** `epr-return verify FILE… [--submitted YYYY-MM-DD] [--json]`: does the data still match its validation stamp, and still pass? */
import { plural } from "../../core/plural";
import { boundedText } from "../../core/quote";
import { describeStampChanges, verifyReturn, type VerifyResult } from "../../app/stamp";
import type { IsoDate } from "../../core/dates";
import { allowOnly, booleanFlag, isoDateFlag, requireFiles, type ParsedArgs } from "../args";
import { forEachFile } from "../batch";
import type { CliIo } from "../io";
import { inFile, openWhole } from "../openReturn";

/**
 * Exit codes of `verify`: the data matches its stamp and passes the current rules; it changed, or it has
 * errors now; there is no stamp (or the file is unreadable).
 */
export const VERIFY_EXIT = { match: 0, changed: 1, errors: 1, unstamped: 2 } as const;

/** Said once in every report: what a stamp can and cannot prove. */
export const STAMP_NOTE = "a stamp is an integrity check (an unkeyed SHA-256 hash of the data), not a signature: anyone can make one";

export interface FileVerification {
  readonly file: string;
  readonly result: VerifyResult;
}

async function verifyFile(file: string, submitted: IsoDate | undefined): Promise<FileVerification> {
  const gateway = await openWhole(file);
  return { file, result: await inFile(file, () => verifyReturn(gateway, submitted ? { submitted } : {})) };
}

// Sheet names come from the workbook: shown bounded, controls made visible (describeStampChanges does so for the rest).
const underRules = (errors: number) => `${plural(errors, "error")} under the current rules`;

export function verificationText({ file, result }: FileVerification): string {
  if (result.status === "unstamped") return `${file}: no validation stamp (\`epr-return stamp\` adds one)\n`;
  const when = `stamped ${boundedText(result.stamp.stampedAt)}`;
  const rows = plural(result.stamp.rows.length, "trust row");
  if (result.status === "match") return `${file}: matches its stamp (${when}, ${rows}) and has no errors under the current rules\n`;
  if (result.status === "errors") {
    return `${file}: matches its stamp (${when}, ${rows}), but has ${underRules(result.errors ?? 0)} (\`epr-return validate ${file}\` lists them)\n`;
  }
  const lines = [`${file}: CHANGED since it was ${when}`];
  if (result.sheetMissing) lines.push(`  The sheet "${boundedText(result.stamp.sheet)}" is gone`);
  for (const line of describeStampChanges(result)) lines.push(`  ${line}`);
  if (result.errors) lines.push(`  and it has ${underRules(result.errors)}`);
  return lines.join("\n") + "\n";
}

export function verificationJson({ file, result }: FileVerification): object {
  if (result.status === "unstamped") return { file, status: result.status };
  const { stamp, status, errors, addedRows, removedRows, icsChanged, orderChanged, sheetMissing } = result;
  // Changed fields by key only: their values are in the workbook, and a note may be a megabyte long.
  const changedRows = result.changedRows.map((c) => ({ ...c, fields: c.fields?.map((f) => f.key) ?? null }));
  const icsFields = result.icsFields?.map((f) => f.key) ?? null;
  return { file, status, errors, stampedAt: stamp.stampedAt, sheet: stamp.sheet, sha256: stamp.sha256, changedRows, addedRows, removedRows, icsChanged, icsFields, orderChanged, sheetMissing, note: STAMP_NOTE };
}

export async function runVerify(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["--json", "--submitted"]);
  const files = requireFiles(args);
  const submitted = isoDateFlag(args, "--submitted");
  const { results, failed } = await forEachFile(files, io, (file) => verifyFile(file, submitted));
  if (booleanFlag(args, "--json")) {
    const objects = results.map(verificationJson);
    io.stdout(JSON.stringify(files.length === 1 ? (objects[0] ?? null) : objects, null, 2) + "\n");
  } else {
    for (const r of results) io.stdout(verificationText(r));
    if (results.some((r) => r.result.status !== "unstamped")) io.stdout(`(${STAMP_NOTE})\n`);
  }
  // The worst outcome decides: unreadable or unstamped (2) over changed or errors (1) over match (0).
  return Math.max(failed ? 2 : 0, ...results.map((r) => VERIFY_EXIT[r.result.status]));
}
