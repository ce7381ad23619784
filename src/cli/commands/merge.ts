/** `epr-return merge FILE… -o OUT.xlsx [--on-duplicate keep|replace|both] [--sheet NAME] [--force]` */
import { DUPLICATE_POLICIES, mergeReturns, type DuplicatePolicy, type MergeResult, type MergeSource, type SourceSummary } from "../../core/merge";
import type { ValidationResult } from "../../core/results";
import { checkReturn, wholeResult } from "../../app/checkReturn";
import { plural } from "../../core/plural";
import { verdict } from "../../app/verdict";
import { readWorkbookBytes, ReadOnlyWorkbook } from "../../files/reader";
import { mergedWorkbook } from "../../files/mergeWorkbook";
import { allowOnly, booleanFlag, requireFiles, stringFlag, type ParsedArgs } from "../args";
import { forEachFile } from "../batch";
import { UsageError, type CliIo } from "../io";
import { validateFile } from "./validate";
import { writeFileSafely } from "../safeWrite";
import { outputFlag } from "./export";

/**
 * `both` by default: nothing is dropped without the user asking, and validating the merged return
 * flags each duplicate for a person to resolve.
 */
export const DEFAULT_ON_DUPLICATE: DuplicatePolicy = "both";

function duplicateFlag(args: ParsedArgs): DuplicatePolicy {
  const value = stringFlag(args, "--on-duplicate");
  if (value === undefined) return DEFAULT_ON_DUPLICATE;
  const policy = DUPLICATE_POLICIES.find((p) => p === value);
  if (!policy) throw new UsageError(`--on-duplicate must be one of ${DUPLICATE_POLICIES.join(", ")}, not "${value}"`);
  return policy;
}

function sourceLines(s: SourceSummary): string[] {
  const lines = [`${s.source}: ${plural(s.rows, "trust row")}, ${s.taken} taken, ${s.skipped} skipped; ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}`];
  for (const d of s.dropped) {
    lines.push(d.reason === "kept-earlier"
      ? `  skipped row ${d.row} (${d.trustCode}): already taken from ${d.instead}`
      : `  replaced row ${d.row} (${d.trustCode}): by the row from ${d.instead}`);
  }
  return lines;
}

function mergedLine(out: string, merged: MergeResult, policy: DuplicatePolicy, check: ValidationResult): string {
  return `wrote ${plural(merged.rows.length, "trust row")} from ${plural(merged.sources.length, "source")} to ${out} (on duplicate: ${policy}); the merged return: ${verdict(check, "terminal")}`;
}

export async function runMerge(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["-o", "--output", "--on-duplicate", "--sheet", "--force"]);
  const files = requireFiles(args);
  const out = outputFlag(args);
  if (out === undefined) throw new UsageError("`merge` needs -o OUT.xlsx, the consolidated return to write");
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError(`the merged return is an .xlsx workbook: name it with .xlsx, not "${out}"`);
  const policy = duplicateFlag(args);
  const sheet = stringFlag(args, "--sheet");

  const { results, failed } = await forEachFile(files, io, (file) => validateFile(file, sheet, undefined, io.today));
  // A consolidated return silently missing a trust's rows would be worse than none.
  if (failed) {
    io.stderr(`epr-return: nothing written: every input must be readable to merge\n`);
    return 2;
  }
  const sources: MergeSource[] = results.map(({ file, checked }) => ({ source: `${file} › ${checked.sheet.name}`, result: wholeResult(checked) }));
  const merged = mergeReturns(sources, policy);
  const bytes = new Uint8Array(await mergedWorkbook(merged.rows).xlsx.writeBuffer());
  // Checked as written (read back from the bytes), so the verdict is the one `validate OUT` will give.
  const check = wholeResult(await checkReturn(new ReadOnlyWorkbook(await readWorkbookBytes(bytes)), { today: io.today }));
  await writeFileSafely(out, bytes, { force: booleanFlag(args, "--force") });
  io.stdout([...merged.sources.flatMap(sourceLines), mergedLine(out, merged, policy, check)].join("\n") + "\n");
  return 0;
}
