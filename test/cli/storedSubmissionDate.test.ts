/**
 * The submission date saved with the return in the task pane (app/settings/submissionDate.ts) is the one the command
 * line measures from too when the workbook has no ICS date; --submitted wins over it.
 */
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SUBMISSION_DATE_SETTING } from "../../src/app/settings/submissionDate";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { runCli } from "./run";

// An ad-hoc sheet with no ICS sheet: with --submitted 2023-11-15 it has 16 warnings; measured from today, 18.
const MESSY = "examples/trust-adhoc-sheet.xlsx";
const TODAY = "2026-11-29";

let dir: string;
let stored: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "epr-stored-date-"));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(MESSY);
  const gateway = new XlsxGateway(workbook);
  await gateway.saveSetting(SUBMISSION_DATE_SETTING, "2023-11-15");
  stored = join(dir, "stored.xlsx");
  await writeFile(stored, await gateway.toBuffer());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Report {
  readonly errors: number;
  readonly warnings: number;
  readonly issues: readonly unknown[];
}

async function validate(args: readonly string[]): Promise<Report> {
  const run = await runCli(["validate", ...args, "--json"], TODAY);
  return JSON.parse(run.stdout) as Report;
}

describe("a submission date stored with the return", () => {
  it("is used when the workbook gives no ICS date: the same report as --submitted with that date", async () => {
    const fromToday = await validate([MESSY]);
    const withFlag = await validate([MESSY, "--submitted", "2023-11-15"]);
    const fromStored = await validate([stored]);
    expect([fromToday.warnings, withFlag.warnings]).toEqual([18, 16]);
    expect(fromStored).toMatchObject({ errors: withFlag.errors, warnings: withFlag.warnings, issues: withFlag.issues });
  });

  it("gives way to --submitted", async () => {
    const flagged = await validate([stored, "--submitted", TODAY]);
    expect(flagged.warnings).toBe(18);
  });
});
