/** `epr-return export FILE --format csv|json [-o OUT] [--force] [--force-errors] [--sheet NAME] [--submitted YYYY-MM-DD]` */
import { extname } from "node:path";
import { exportCsvPieces, exportJsonPieces } from "../../core/export";
import { checkReturn } from "../../app/checkReturn";
import { plural } from "../../core/plural";
import { allowOnly, booleanFlag, isoDateFlag, stringFlag, type ParsedArgs } from "../args";
import { UsageError, type CliIo } from "../io";
import { inFile, openForReading } from "../openReturn";
import { checkOutputPath, writeFileSafely } from "../safeWrite";

const FORMATS = ["csv", "json"] as const;
type ExportFormat = (typeof FORMATS)[number];

/** `-o`/`--output`, checked: never an existing file unless --force. Shared by export, merge and stamp. */
export function outputFlag(args: ParsedArgs): string | undefined {
  const out = stringFlag(args, "-o") ?? stringFlag(args, "--output");
  if (out !== undefined) refuseToOverwrite(out, booleanFlag(args, "--force"));
  return out;
}

/**
 * Never replace a user's file without being asked (--force), and never anything but a regular file, asked or not
 * (../safeWrite.ts, which writes every output).
 */
export function refuseToOverwrite(path: string, force: boolean): void {
  checkOutputPath(path, force);
}

function formatFlag(args: ParsedArgs, out: string | undefined): ExportFormat {
  const explicit = stringFlag(args, "--format");
  // Without --format, the output file's extension says it (`-o return.csv`).
  const given = explicit ?? (out ? extname(out).slice(1).toLowerCase() : undefined);
  const format = FORMATS.find((f) => f === given);
  if (format) return format;
  if (explicit !== undefined) throw new UsageError(`--format must be csv or json, not "${explicit}"`);
  throw new UsageError("`export` needs --format csv or --format json");
}

export async function runExport(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["--format", "-o", "--output", "--force", "--force-errors", "--sheet", "--submitted"]);
  if (args.files.length !== 1) throw new UsageError("`export` takes exactly one workbook, e.g. `epr-return export return.xlsx --format csv -o return.csv`");
  const file = args.files[0] ?? "";
  const out = outputFlag(args);
  const format = formatFlag(args, out);
  const sheet = stringFlag(args, "--sheet");
  const submitted = isoDateFlag(args, "--submitted");

  const reader = await openForReading(file, sheet);
  const checked = await inFile(file, () => checkReturn(reader, { today: io.today, ...(sheet !== undefined ? { sheet } : {}), ...(submitted ? { submitted } : {}) }));
  const { errors } = checked;
  if (errors > 0 && !booleanFlag(args, "--force-errors")) {
    io.stderr(`epr-return: ${file} has ${plural(errors, "error")}, so nothing was exported. Fix them (\`epr-return validate ${file}\` lists them), or add --force-errors to export anyway.\n`);
    return 1;
  }
  if (errors > 0) io.stderr(`epr-return: exporting ${file} despite ${plural(errors, "error")} (--force-errors): values that could not be read are exported blank.\n`);

  const ics = checked.ics?.details;
  const { trusts } = checked.result;
  const pieces = format === "csv" ? exportCsvPieces(trusts, ics) : exportJsonPieces(trusts, ics);
  if (out === undefined) {
    // A line (CSV) or a trust (JSON) at a time: output as long as the data, never one string too long to make.
    for (const piece of pieces) io.stdout(piece);
  } else {
    const text = [...pieces].join("");
    await writeFileSafely(out, text, { force: booleanFlag(args, "--force") });
    io.stdout(`wrote ${plural(trusts.length, "trust row")} as ${format.toUpperCase()} to ${out}\n`);
  }
  return 0;
}
