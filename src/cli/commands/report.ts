/**
 * `epr-return report FILE|FOLDER… -o OUT [--profile dec-2023|mar-2026] [--as-of YYYY-MM-DD] [--previous FOLDER] [--recursive] [--force] [--json]`:
 * the national roll-up of many returns (docs/national.md). Reads the returns one at a time, keeping only their
 * trust rows and counts, then writes OUT.xlsx and OUT.html and prints a summary (or, with --json, the figures).
 */
import { nationalReport, withPrevious, type NationalReport, type PreviousReturn, type ReturnSummary, type UnreadableReturn } from "../../core/national";
import { reportPage } from "../../core/national/html";
import { reportWorkbook } from "../../files/report";
import { allowOnly, booleanFlag, isoDateFlag, profileFlag, requireFiles, stringFlag, type ParsedArgs } from "../args";
import { forEachFile } from "../batch";
import { reportJson, reportText } from "../format/reportText";
import { FileError, UsageError, type CliIo } from "../io";
import { readForReport, readPreviousReturn } from "../readForReport";
import { reportInputs, RETURN_EXTENSIONS } from "../reportInputs";
import { reportOutputs } from "../reportOutputs";
import { checkOutputPath, writeFileSafely } from "../safeWrite";

/** The one line of a FileError after the file's name (the reason `validate` prints). */
function reasonOf(err: FileError): string {
  const prefix = `${err.file}: `;
  return err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
}

/**
 * `--previous FOLDER`: the previous returns, listed by the same rules as the inputs and read one at a time, keeping
 * only what the diff needs. One that cannot be read is named on stderr and counted; it is not a problem of this report.
 */
async function readPrevious(folder: string, recursive: boolean, outputs: readonly string[], io: CliIo): Promise<{ previous: PreviousReturn[]; unreadable: number }> {
  const inputs = await reportInputs([folder], recursive, outputs);
  for (const u of inputs.unlisted) io.stderr(`epr-return: ${u.file}: ${u.reason}\n`);
  if (inputs.files.length === 0 && inputs.unlisted.length === 0) {
    throw new UsageError(`no previous returns found in ${folder} (--previous takes a folder of returns, read as the inputs are)`);
  }
  const { results } = await forEachFile(inputs.files, io, (file) => readPreviousReturn(file, io.today));
  return { previous: results, unreadable: inputs.files.length - results.length + inputs.unlisted.length };
}

export async function runReport(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["-o", "--output", "--profile", "--as-of", "--previous", "--recursive", "--force", "--json"]);
  const paths = requireFiles(args);
  const outputs = reportOutputs(args);
  const force = booleanFlag(args, "--force");
  const profile = profileFlag(args);
  const asOf = isoDateFlag(args, "--as-of");
  const previousFolder = stringFlag(args, "--previous");
  if (args.flags.get("--previous") === true) throw new UsageError("--previous needs a folder");
  // Refused before anything is read: a long run must not end in "already exists".
  checkOutputPath(outputs.xlsx, force);
  checkOutputPath(outputs.html, force);

  const inputs = await reportInputs(paths, booleanFlag(args, "--recursive"), [outputs.xlsx, outputs.html]);
  if (inputs.files.length === 0 && inputs.unlisted.length === 0) {
    throw new UsageError(`no returns found in ${paths.join(", ")} (a folder gives its ${RETURN_EXTENSIONS.join(", ")} files${booleanFlag(args, "--recursive") ? "" : "; add --recursive for its subfolders"})`);
  }
  const unreadable: UnreadableReturn[] = [...inputs.unlisted];
  // Each file read, reduced to what the report needs, and let go before the next (see readForReport).
  const { results } = await forEachFile(inputs.files, io, async (file): Promise<ReturnSummary | null> => {
    try {
      return await readForReport(file, io.today);
    } catch (err) {
      if (!(err instanceof FileError)) throw err;
      io.stderr(`epr-return: ${err.message}\n`);
      unreadable.push({ file, reason: reasonOf(err) });
      return null;
    }
  });
  const returns = results.filter((r): r is ReturnSummary => r !== null);
  if (returns.length === 0) {
    io.stderr(`epr-return: nothing written: none of the ${inputs.files.length + inputs.unlisted.length} returns could be read\n`);
    return 2;
  }

  const current = nationalReport(returns, unreadable, { ...(profile !== undefined ? { profile } : {}), ...(asOf !== undefined ? { asOf } : {}) });
  let report: NationalReport = current;
  if (previousFolder !== undefined) {
    const { previous, unreadable: previousUnreadable } = await readPrevious(previousFolder, booleanFlag(args, "--recursive"), [outputs.xlsx, outputs.html], io);
    report = withPrevious(current, returns, previous, previousUnreadable);
  }
  const bytes = new Uint8Array(await reportWorkbook(report, returns).xlsx.writeBuffer());
  await writeFileSafely(outputs.xlsx, bytes, { force });
  await writeFileSafely(outputs.html, reportPage(report), { force });
  io.stdout(booleanFlag(args, "--json") ? `${JSON.stringify(reportJson(report, outputs.xlsx), null, 2)}\n` : reportText(report, `${outputs.xlsx} and ${outputs.html}`));
  return 0;
}
