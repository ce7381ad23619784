/** `epr-return stamp FILE (-o OUT.xlsx | --in-place) [--force] [--sheet NAME] [--submitted YYYY-MM-DD]`: records that the return passed validation. */
import { basename } from "node:path";
import { checkReturn, type CheckedReturn } from "../../app/checkReturn";
import type { StampSheetCell } from "../../app/gateway";
import { stampReturn } from "../../app/stamp";
import { plural } from "../../core/plural";
import { addStampSheet } from "../../files/patch";
import { readWorkbookBytes, ReadOnlyWorkbook } from "../../files/reader";
import { nodeInflateRaw, readFileBytes } from "../../files/nodeFile";
import { allowOnly, booleanFlag, isoDateFlag, stringFlag, type ParsedArgs } from "../args";
import { FileError, UsageError, type CliIo } from "../io";
import { inFile } from "../openReturn";
import { checkOutputPath, writeFileSafely } from "../safeWrite";
import { outputFlag } from "./export";

function errorLines(file: string, v: CheckedReturn): string {
  const first = v.issues.filter((i) => i.severity === "error").slice(0, 5).map((i) => `  ${i.sheet}!${i.cell} ${i.code}: ${i.message}`);
  const more = v.errors > first.length ? [`  … and ${v.errors - first.length} more (\`epr-return validate ${file}\` lists them all)`] : [];
  return [`${file}: not stamped: the return has ${plural(v.errors, "error")} (a stamp says it passed validation)`, ...first, ...more].join("\n") + "\n";
}

/** The stamped file is the user's workbook plus the stamp sheet, so it keeps the user's kind: a macro-enabled workbook stays .xlsm. */
function workbookExtension(file: string): ".xlsx" | ".xlsm" {
  return file.toLowerCase().endsWith(".xlsm") ? ".xlsm" : ".xlsx";
}

export async function runStamp(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["-o", "--output", "--in-place", "--force", "--sheet", "--submitted"]);
  if (args.files.length !== 1) throw new UsageError("`stamp` takes exactly one workbook, e.g. `epr-return stamp return.xlsx -o stamped.xlsx`");
  const file = args.files[0] ?? "";
  const inPlace = booleanFlag(args, "--in-place");
  const named = outputFlag(args);
  if (inPlace === (named !== undefined)) throw new UsageError("`stamp` needs either -o OUT.xlsx (a stamped copy) or --in-place (rewrites FILE)");
  const out = named ?? file;
  const extension = workbookExtension(file);
  if (!out.toLowerCase().endsWith(extension)) throw new UsageError(`the stamped return is an ${extension} workbook: name it with ${extension}, not "${out}"`);
  // A file that cannot be replaced (a hard link, a device) is refused before any work is done.
  if (inPlace) checkOutputPath(file, true);
  const submitted = isoDateFlag(args, "--submitted");
  const sheet = stringFlag(args, "--sheet");

  // Read once: the bytes checked are the bytes stamped.
  const bytes = await inFile(file, () => readFileBytes(file));
  const reader = new ReadOnlyWorkbook(await inFile(file, () => readWorkbookBytes(bytes, { fileName: basename(file), inflateRaw: nodeInflateRaw })));
  // The stamp goes into the file's own parts, which only an .xlsx/.xlsm package has.
  if (reader.data.format !== "xlsx") throw new FileError(file, `is read as ${reader.data.format.toUpperCase()}, but stamp writes only into .xlsx and .xlsm workbooks: save it as .xlsx first`);
  const checked = await inFile(file, () => checkReturn(reader, { today: io.today, ...(sheet !== undefined ? { sheet } : {}), ...(submitted ? { submitted } : {}) }));
  if (checked.errors > 0) {
    io.stderr(errorLines(file, checked));
    return 1;
  }
  let rows: readonly (readonly StampSheetCell[])[] = [];
  const stamp = await stampReturn({ writeStampSheet: (stampRows) => { rows = stampRows; return Promise.resolve(); } }, checked, new Date());
  // Only the stamp sheet and the parts that list it change: charts, macros, comments and the rest are copied as they are.
  const stamped = await inFile(file, () => Promise.resolve(addStampSheet(bytes, rows)));
  await writeFileSafely(out, stamped, { force: inPlace || booleanFlag(args, "--force") });
  io.stdout(`${out}: stamped sheet "${stamp.sheet}", ${plural(stamp.rows.length, "trust row")}, ${plural(stamp.warnings, "warning")}, SHA-256 ${stamp.sha256}\n`);
  return 0;
}
