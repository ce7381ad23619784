/**
 * One reader for every host (issue 10): every fixture, read the way the command line reads it (nodeFile, only the
 * sheets a return needs), the way the task pane's Merge reads a dropped file (openLazily) and the way the workbench
 * opens it (the reader, then its editable workbook), gives the same trust sheet and the same issues.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { checkReturn, type CheckedReturn } from "../../../src/app/checkReturn";
import { WorkbookReadError } from "../../../src/files/errors";
import { openWorkbookFile } from "../../../src/files/nodeFile";
import { openWorkbookBytes } from "../../../src/files/openLazily";
import { sheetsNeeded } from "../../../src/app/sheetChoice";
import { openWorkbook } from "../../../src/workbench/session";

const ROOT = join(__dirname, "..", "..", "..");
const READABLE = /\.(xlsx|xlsm|xls|ods|csv)$/i;

/** Every workbook file under the folder (not recursing into the corpus's make/ sources). */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === "make" || name === "expected" ? [] : filesUnder(path);
    return READABLE.test(name) ? [path] : [];
  });
}

const FIXTURES = [join(ROOT, "examples"), join(ROOT, "test/fixtures/corpus"), join(ROOT, "test/fixtures/reader-formats")].flatMap(filesUnder);
const TODAY = "2026-11-29";

/** What a host's check says, for comparing: the trust sheet's grid, the mapping, the issues and the counts. */
function summary(checked: CheckedReturn) {
  // Hidden rows are informational: none listed and an empty list are the same.
  return { sheet: { ...checked.sheet, hiddenRows: checked.sheet.hiddenRows ?? [] }, mapping: checked.mapping.mapping, submitted: checked.submitted, issues: checked.issues, errors: checked.errors, warnings: checked.warnings };
}

/** The outcome for one host: the check, or the message of the file's refusal (a refusal must be the same too). */
async function outcome(open: () => Promise<Parameters<typeof checkReturn>[0]>) {
  try {
    return { checked: summary(await checkReturn(await open(), { today: TODAY })) };
  } catch (error) {
    if (error instanceof WorkbookReadError || (error instanceof Error && error.name === "ReturnReadError")) return { refused: error.message };
    throw error;
  }
}

describe("the same grid and issues in every host", () => {
  it("has fixtures of every format", () => {
    const kinds = new Set(FIXTURES.map((f) => /\.(\w+)$/.exec(f)?.[1]?.toLowerCase()));
    expect([...kinds].sort()).toEqual(["csv", "ods", "xls", "xlsm", "xlsx"]);
  });

  it.each(FIXTURES.map((f) => [f.slice(ROOT.length + 1), f]))("%s", async (_label, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const cli = await outcome(() => openWorkbookFile(file, (sheets) => sheetsNeeded(sheets)));
    const merge = await outcome(() => openWorkbookBytes(bytes, basename(file)));
    const workbench = await outcome(() => openWorkbook(bytes, basename(file)));
    expect(merge).toEqual(cli);
    expect(workbench).toEqual(cli);
  });
});
