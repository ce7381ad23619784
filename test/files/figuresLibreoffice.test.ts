/**
 * The figures sheet Write Summary writes through exceljs (the workbench, the command line), opened by LibreOffice
 * headless and saved as CSV with the cells' contents "as shown": money shows with £, shares as 0.0 %, scores to one
 * decimal place, dates as dd/mm/yyyy and yes/no as Yes/No, as the template's own Summary shows them (issue 12,
 * item 7). Skipped where LibreOffice is absent.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { figuresSheet } from "../../src/app/figures";
import { scoreReturn } from "../../src/core/calc";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { csvRecords } from "../../src/ui/exportSheet";
import { formatUkShortDate } from "../../src/ui/format";
import { hasLibreOffice, sofficePath } from "../helpers/libreoffice";
import { TRUSTS } from "./summaryFixture";

const describeWithLibreOffice = hasLibreOffice() ? describe : describe.skip;
if (!hasLibreOffice()) console.warn("LibreOffice (soffice) not found: skipping the figures sheet display test");

/**
 * CSV export options of LibreOffice's "Text - txt - csv (StarCalc)" filter: comma, double quote, UTF-8 (76), from
 * line 1, default cell formats, locale en-US (1033), quoted fields not as text, special numbers detected, cell contents
 * saved as shown (the token that makes the CSV carry the displayed text).
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true';

/** The first sheet of an .xlsx as LibreOffice shows it, one array of displayed texts per row. */
async function shownByLibreOffice(xlsx: Uint8Array, dir: string): Promise<string[][]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  const input = join(dir, "figures.xlsx");
  const outDir = join(dir, "out");
  await mkdir(outDir, { recursive: true });
  await writeFile(input, xlsx);
  const profile = pathToFileURL(join(dir, "profile")).href;
  await new Promise<void>((resolve, reject) => {
    execFile(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", CSV_FILTER, "--outdir", outDir, input], { timeout: 60_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`soffice failed: ${error.message}\n${stderr}`, { cause: error }));
      else resolve();
    });
  });
  return csvRecords(await readFile(join(outDir, "figures.csv"), "utf8"));
}

/** What the template's formats show, worked out apart from any spreadsheet: `"£"#,##0`, `0.0%`, `0.0`. */
const fixed = (value: number, places: number): string => value.toLocaleString("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places });
const pounds = (value: number): string => `£${fixed(value, 0)}`;
const percent = (share: number): string => `${fixed(share * 100, 1)}%`;

describeWithLibreOffice("the figures sheet in LibreOffice", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "epr-figures-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("shows £, percentages, one-decimal scores, dd/mm/yyyy dates and Yes/No", async () => {
    const score = scoreReturn(TRUSTS, { profile: "dec-2023" });
    // A workbook whose first sheet is the figures sheet (the CSV filter saves the first sheet).
    const gateway = new XlsxGateway(new ExcelJS.Workbook());
    const name = await gateway.writeFigures(figuresSheet(score, false));
    expect(name).toBe("EPR Scores");
    const shown = new Map((await shownByLibreOffice(await gateway.toBuffer(), dir)).map(([label = "", value = ""]) => [label, value]));

    const { coverage, funding, convergence } = score;
    expect(shown.get("Total cost (£)")).toBe(pounds(funding.totalCost));
    expect(shown.get("Funding gap (£)")).toBe(pounds(funding.gap));
    expect(shown.get("Installed share")).toBe(percent(coverage.installedShare));
    expect(shown.get("Covered share")).toBe(percent(coverage.coveredShare));
    expect(shown.get("Convergence score (now)")).toBe(fixed(convergence.now.score, 1));
    expect(shown.get("Convergence score (target)")).toBe(fixed(convergence.target.score, 1));
    expect(shown.get("Target date")).toBe(formatUkShortDate(coverage.asOf));
    expect(shown.get("Date 90% installed")).toBe(coverage.date90 === null ? "" : formatUkShortDate(coverage.date90));
    expect(shown.get("Target met")).toBe(coverage.met ? "Yes" : "No");
    expect(shown.get("Weighted by beds")).toBe("No");
    expect(shown.get("HHI (now)")).toBe(fixed(convergence.now.hhi, 4));
    expect(shown.get("Effective systems (now)")).toBe(fixed(convergence.now.effective, 2));
    expect(shown.get("Trusts")).toBe(String(score.trusts));
  }, 60_000);
});
