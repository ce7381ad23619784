/**
 * `epr-return stamp FILE (-o OUT.xlsx | --in-place) [--force] [--sheet NAME] [--submitted YYYY-MM-DD]` and
 * `epr-return verify FILE… [--json]`: the validation stamp, written and checked.
 */
import { checkReturn, type CheckedReturn } from "../../app/checkReturn";
import { plural } from "../../core/plural";
import { stampReturn, verifyReturn, type VerifyResult } from "../../app/stamp";
import { allowOnly, booleanFlag, isoDateFlag, requireFiles, stringFlag, type ParsedArgs } from "../args";
import { forEachFile } from "../batch";
import { UsageError, type CliIo } from "../io";
import { inFile, openWhole } from "../openReturn";
import { outputFlag, writeOutputFile } from "./export";

/** Exit codes of `verify`: the data matches its stamp; it changed; there is no stamp (or the file is unreadable). */
export const VERIFY_EXIT = { match: 0, changed: 1, unstamped: 2 } as const;

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

export interface FileVerification {
  readonly file: string;
  readonly result: VerifyResult;
}

async function verifyFile(file: string): Promise<FileVerification> {
  const gateway = await openWhole(file);
  return { file, result: await inFile(file, () => verifyReturn(gateway)) };
}

const who = (row: number, code: string | null) => `row ${row}${code ? ` (${code})` : ""}`;

export function verificationText({ file, result }: FileVerification): string {
  if (result.status === "unstamped") return `${file}: no validation stamp (\`epr-return stamp\` adds one)\n`;
  const when = `stamped ${result.stamp.stampedAt}`;
  if (result.status === "match") return `${file}: matches its stamp (${when}, ${plural(result.stamp.rows.length, "trust row")})\n`;
  const lines = [`${file}: CHANGED since it was ${when}`];
  if (result.sheetMissing) lines.push(`  the sheet "${result.stamp.sheet}" is gone`);
  if (result.icsChanged) lines.push("  the ICS details changed");
  for (const c of result.changedRows) {
    const was = c.stampedRow !== c.row || c.stampedTrustCode !== c.trustCode ? `, was ${who(c.stampedRow, c.stampedTrustCode)}` : "";
    lines.push(`  ${who(c.row, c.trustCode)}: changed${was}`);
  }
  for (const a of result.addedRows) lines.push(`  ${who(a.row, a.trustCode)}: added`);
  for (const r of result.removedRows) lines.push(`  ${r.trustCode ?? "a row"} (was row ${r.row}): removed`);
  if (result.orderChanged) lines.push("  the rows are in a different order");
  return lines.join("\n") + "\n";
}

export function verificationJson({ file, result }: FileVerification): object {
  if (result.status === "unstamped") return { file, status: result.status };
  const { stamp, status, changedRows, addedRows, removedRows, icsChanged, orderChanged, sheetMissing } = result;
  return { file, status, stampedAt: stamp.stampedAt, sheet: stamp.sheet, sha256: stamp.sha256, changedRows, addedRows, removedRows, icsChanged, orderChanged, sheetMissing };
}

export async function runVerify(args: ParsedArgs, io: CliIo): Promise<number> {
  allowOnly(args, ["--json"]);
  const files = requireFiles(args);
  const { results, failed } = await forEachFile(files, io, verifyFile);
  if (booleanFlag(args, "--json")) {
    const objects = results.map(verificationJson);
    io.stdout(JSON.stringify(files.length === 1 ? (objects[0] ?? null) : objects, null, 2) + "\n");
  } else {
    for (const r of results) io.stdout(verificationText(r));
  }
  // The worst outcome decides: unreadable or unstamped (2) over changed (1) over match (0).
  return Math.max(failed ? 2 : 0, ...results.map((r) => VERIFY_EXIT[r.result.status]));
}
