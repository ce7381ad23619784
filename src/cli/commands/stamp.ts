/** `epr-return stamp FILE (-o OUT.xlsx | --in-place) [--force] [--sheet NAME] [--submitted YYYY-MM-DD]`: records that the return passed validation. */
import { checkReturn, type CheckedReturn } from "../../app/checkReturn";
import { stampReturn } from "../../app/stamp";
import { plural } from "../../core/plural";
import { allowOnly, booleanFlag, isoDateFlag, stringFlag, type ParsedArgs } from "../args";
import { UsageError, type CliIo } from "../io";
import { inFile, openWhole } from "../openReturn";
import { outputFlag, writeOutputFile } from "./export";

function errorLines(file: string, v: CheckedReturn): string {
  const first = v.issues.filter((i) => i.severity === "error").slice(0, 5).map((i) => `  ${i.sheet}!${i.cell} ${i.code}: ${i.message}`);
  const more = v.errors > first.length ? [`  … and ${v.errors - first.length} more (\`epr-return validate ${file}\` lists them all)`] : [];
  return [`${file}: not stamped: the return has ${plural(v.errors, "error")} (a stamp says it passed validation)`, ...first, ...more].join("\n") + "\n";
}

export async function runStamp(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["-o", "--output", "--in-place", "--force", "--sheet", "--submitted"]);
  if (args.files.length !== 1) throw new UsageError("`stamp` takes exactly one workbook, e.g. `epr-return stamp return.xlsx -o stamped.xlsx`");
  const file = args.files[0] ?? "";
  const inPlace = booleanFlag(args, "--in-place");
  const named = outputFlag(args);
  if (inPlace === (named !== undefined)) throw new UsageError("`stamp` needs either -o OUT.xlsx (a stamped copy) or --in-place (rewrites FILE)");
  const out = named ?? file;
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError(`the stamped return is an .xlsx workbook: name it with .xlsx, not "${out}"`);
  const submitted = isoDateFlag(args, "--submitted");
  const sheet = stringFlag(args, "--sheet");

  const gateway = await openWhole(file);
  const checked = await inFile(file, () => checkReturn(gateway, { today: io.today, ...(sheet !== undefined ? { sheet } : {}), ...(submitted ? { submitted } : {}) }));
  if (checked.errors > 0) {
    io.stderr(errorLines(file, checked));
    return 1;
  }
  const stamp = await stampReturn(gateway, checked, new Date());
  await writeOutputFile(out, await gateway.toBuffer());
  io.stdout(`${out}: stamped sheet "${stamp.sheet}", ${plural(stamp.rows.length, "trust row")}, ${plural(stamp.warnings, "warning")}, SHA-256 ${stamp.sha256}\n`);
  return 0;
}
