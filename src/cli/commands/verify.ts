/** `epr-return verify FILE… [--json]`: does the data still match its validation stamp? */
import { plural } from "../../core/plural";
import { verifyReturn, type VerifyResult } from "../../app/stamp";
import { allowOnly, booleanFlag, requireFiles, type ParsedArgs } from "../args";
import { forEachFile } from "../batch";
import type { CliIo } from "../io";
import { inFile, openWhole } from "../openReturn";

/** Exit codes of `verify`: the data matches its stamp; it changed; there is no stamp (or the file is unreadable). */
export const VERIFY_EXIT = { match: 0, changed: 1, unstamped: 2 } as const;

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
