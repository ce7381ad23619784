/**
 * The command line on hostile files: each gets either a one-line message on stderr and exit
 * code 2, or a correct report; never a crash, a stack trace or a hang. Files are built at run time.
 */
import ExcelJS from "exceljs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { afterSheetData, buildZip, deflated, rawEntriesOf, SHEET, withPart, type RawEntry } from "../helpers/zipBuild";
import { runCli, type CliRun } from "./run";

const MB = 1024 * 1024;

// Building a 150 MB bomb and reading a million-row sheet take seconds on a busy machine; the
// bounds each test cares about are asserted inside it.
jest.setTimeout(60_000);
const EXAMPLE = join(__dirname, "../../examples/clean-ics-return.xlsx");

let dir: string;
let example: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "epr-hostile-"));
  example = new Uint8Array(await readFile(EXAMPLE));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function fileOf(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** Refused: exit 2, nothing on stdout, exactly one line on stderr naming the file, no stack trace. */
function expectRefused(run: CliRun, path: string, reason: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.endsWith("\n")).toBe(true);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toContain(path);
  expect(run.stderr).toMatch(reason);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+|unexpected failure/);
}

/** A workbook with one sheet "Trusts" holding these rows from A1, written by exceljs. */
async function workbookOf(rows: readonly (readonly ExcelJS.CellValue[])[], extra?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Trusts");
  for (const row of rows) ws.addRow([...row]);
  extra?.(ws);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const HEADERS = ["Trust ODS code", "Trust name", "Trust type", "EPR status", "EPR supplier", "Go-live date", "Convergence plan"];
const GOOD_ROW = ["RYJ", "Imperial", "Acute", "Live", "Epic", new Date(Date.UTC(2019, 5, 1)), "Keep"];

describe("epr-return on damaged and foreign files", () => {
  it("refuses a truncated workbook", async () => {
    const path = await fileOf("truncated.xlsx", example.slice(0, Math.floor(example.length / 2)));
    for (const command of ["validate", "score"]) expectRefused(await runCli([command, path]), path, /truncated or damaged/);
  });

  it("refuses a file that is not a zip at all", async () => {
    const csv = await fileOf("renamed-csv.xlsx", "Trust ODS code,Trust name\nRYJ,Imperial\n");
    expectRefused(await runCli(["validate", csv]), csv, /text file .*not an Excel workbook/);
    const noise = await fileOf("noise.xlsx", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expectRefused(await runCli(["validate", noise]), noise, /not a workbook this tool reads/);
  });

  it("says a password-protected workbook is one (Office encrypts it into a compound file, as an .xls is)", async () => {
    const encrypted = new Uint8Array(4096);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set([..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]), 1024);
    const path = await fileOf("password.xlsx", encrypted);
    expectRefused(await runCli(["validate", path]), path, /password-protected/);
  });

  it("refuses a Word document, a PowerPoint deck and a zip of other files named .xlsx: no workbook part", async () => {
    const zips = {
      "word.xlsx": { "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") },
      "deck.xlsx": { "[Content_Types].xml": strToU8("<Types/>"), "ppt/presentation.xml": strToU8("<p:presentation/>") },
      "files.xlsx": { "readme.txt": strToU8("hello"), "data/values.csv": strToU8("a,b\n1,2\n") },
    };
    for (const [name, parts] of Object.entries(zips)) {
      const path = await fileOf(name, zipSync(parts));
      expectRefused(await runCli(["validate", path]), path, /not an \.xlsx workbook \(no workbook part\)/);
    }
  });

  // The reader inflates only the parts it reads, counting what comes out rather than trusting what the zip
  // declares: a part it never reads (an image) cannot hurt, whatever it claims or holds.
  it("reads a workbook whose image part declares gigabytes, without inflating it", async () => {
    const entries = rawEntriesOf(example);
    const liar: RawEntry = { ...deflated("xl/media/image1.png", "tiny"), declaredSize: 0xfff00000 };
    const path = await fileOf("declared-bomb.xlsx", buildZip([...entries, liar]));
    const run = await runCli(["validate", path]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("refuses a zip bomb in the trust sheet's part whose directory lies (1 KB declared, 150 MB of zeros inside), keeping memory bounded", async () => {
    // sheet3.xml is the Trusts sheet of the example (its workbook.xml and rels say so).
    const entries = rawEntriesOf(example).filter((e) => e.name !== "xl/worksheets/sheet3.xml");
    const zeros: RawEntry = { ...deflated("xl/worksheets/sheet3.xml", new Uint8Array(150 * MB)), declaredSize: 1024 };
    const bomb = buildZip([...entries, zeros]);
    expect(bomb.length).toBeLessThan(MB);
    const path = await fileOf("lying-bomb.xlsx", bomb);
    const before = process.memoryUsage().rss;
    const run = await runCli(["score", path]);
    // Inflation stops at the declared size + 1 byte: the 150 MB are never held.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
    expectRefused(run, path, /damaged/);
  });

  it("reads a return whose data validations cover whole columns, with the right report and in seconds", async () => {
    const bytes = await workbookOf([HEADERS, GOOD_ROW, ["rz2", "Dale", "Acute", "Live", "Lorenzo", "Q3 2019/20", "Keep"]]);
    const validations = `<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="D2:D1048576"><formula1>"Live,Implementing"</formula1></dataValidation><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"x"</formula1></dataValidation></dataValidations>`;
    const path = await fileOf("whole-columns.xlsx", withPart(bytes, SHEET, afterSheetData(validations)));
    const started = Date.now();
    const run = await runCli(["validate", path, "--json"]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { rows: number; errors: number; issues: { cell: string; code: string }[] };
    expect(report.rows).toBe(2);
    expect(report.errors).toBe(0);
    expect(report.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["A3 non_canonical", "E3 non_canonical", "F3 imprecise_date"]);
  });

  it("reads a sheet whose used range reaches row 1,048,576, reporting that far row, in bounded time and memory", async () => {
    const bytes = await workbookOf([HEADERS, GOOD_ROW], (ws) => {
      ws.getCell("A1048576").value = "RZZ";
    });
    const path = await fileOf("last-row.xlsx", bytes);
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    const run = await runCli(["validate", path, "--json"]);
    const seconds = (Date.now() - started) / 1000;
    const grewMb = (process.memoryUsage().heapUsed - before) / MB;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { rows: number; issues: { row: number; cell: string; code: string }[] };
    expect(report.rows).toBe(2);
    // The far row is a trust row with only a code: its required fields are reported there.
    expect(report.issues.filter((i) => i.row === 1_048_576).map((i) => i.cell)).toEqual(["B1048576", "C1048576", "D1048576", "G1048576"]);
    expect(seconds).toBeLessThan(20);
    expect(grewMb).toBeLessThan(200);
  });

  it("treats headers named __proto__ and constructor as unknown columns, and the JSON report is intact", async () => {
    const bytes = await workbookOf([
      ["__proto__", ...HEADERS, "constructor", "toString"],
      ["x", ...GOOD_ROW, "y", "z"],
    ]);
    const path = await fileOf("proto-headers.xlsx", bytes);
    const run = await runCli(["validate", path, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { mapping: Record<string, string>; issues: { cell: string; code: string; value: unknown }[] };
    expect(Object.getPrototypeOf(report.mapping)).toBe(Object.prototype);
    expect(Object.keys(report.mapping)).toEqual(["B1", "C1", "D1", "E1", "F1", "G1", "H1"]);
    expect(report.issues.map((i) => `${i.cell} ${i.code} ${String(i.value)}`)).toEqual([
      "A1 unknown_column __proto__",
      "I1 unknown_column constructor",
      "J1 unknown_column toString",
    ]);

    const score = await runCli(["score", path, "--json"]);
    expect(score.code).toBe(0);
    expect(JSON.parse(score.stdout)).toMatchObject({ trusts: 1, convergence: { now: { systems: 1 } } });
  });

  it("a sheet named __proto__ is found by --sheet and reported under its name", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("__proto__");
    ws.addRow(HEADERS);
    ws.addRow(GOOD_ROW);
    const path = await fileOf("proto-sheet.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const run = await runCli(["validate", path, "--sheet", "__proto__", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ sheet: "__proto__", rows: 1, errors: 0 });
  });
});
