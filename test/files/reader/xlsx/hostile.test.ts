/**
 * The .xlsx reader on hostile files (issue 10, docs/security.md): each is either refused with a
 * one-line WorkbookReadError or read correctly, and the reading process's peak memory stays
 * bounded. Each file is read in a fresh process (./probe.ts), so its memory is its own; the
 * bound asserted is the issue's (300 MB peak, Node and tsx included).
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { buildZip, rawEntriesOf, type RawEntry } from "../../../helpers/zipBuild";
import { buildXlsx, oneSheet, workbookParts, worksheetXml, zipParts } from "./buildXlsx";

jest.setTimeout(120_000);

const MB = 1024 * 1024;
const PEAK_RSS_LIMIT_MB = 300;
const PROBE = join(__dirname, "probe.ts");

interface SheetSummary {
  readonly name: string;
  readonly rows: number;
  readonly values: number;
  readonly widest: number;
  readonly longestString: number;
}

type Outcome = { readonly read: true; readonly sheetCount: number; readonly sheets: readonly SheetSummary[]; readonly beyondValues: readonly string[] } | { readonly read: false; readonly message: string };

interface Probe {
  readonly outcome: Outcome;
  readonly seconds: number;
  readonly peakRssMb: number;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "epr-xlsx-hostile-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function probe(name: string, bytes: Uint8Array, limits?: object): Promise<Probe> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const child = spawnSync(process.execPath, ["--import", "tsx", PROBE, path, ...(limits ? [JSON.stringify(limits)] : [])], { encoding: "utf8", maxBuffer: 16 * MB });
  if (child.status !== 0) throw new Error(`probe failed (${String(child.status)}): ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim()) as Probe;
  // PROBE_REPORT=1 shows each file's figures (for docs/security.md).
  if (process.env.PROBE_REPORT) process.stderr.write(`${name}: ${JSON.stringify(result)}\n`);
  expect(result.peakRssMb).toBeLessThan(PEAK_RSS_LIMIT_MB);
  return result;
}

function refused(result: Probe, reason: RegExp): void {
  if (result.outcome.read) throw new Error(`read without complaint: ${JSON.stringify(result.outcome)}`);
  expect(result.outcome.message.split("\n")).toHaveLength(1);
  expect(result.outcome.message.length).toBeLessThan(400);
  expect(result.outcome.message).toMatch(reason);
}

/** Node's zlib deflates the hundreds of megabytes these files hold in a fraction of fflate's time. */
const deflate = (data: Uint8Array): Uint8Array => new Uint8Array(deflateRawSync(data, { level: 1 }));

/** The package with every sheet part holding the same (already deflated) XML: deflated once. */
function sameSheetEverywhere(sheetCount: number, xml: string, declaredSize = Buffer.byteLength(xml)): Uint8Array {
  const sheets = Array.from({ length: sheetCount }, (_, i) => ({ name: `S${i + 1}`, xml: "" }));
  const parts = workbookParts({ sheets });
  const sheetData = deflate(Buffer.from(xml));
  const entries = rawEntriesOf(zipParts(parts)).map((entry): RawEntry => (entry.name.startsWith("xl/worksheets/") ? { ...entry, data: sheetData, declaredSize } : entry));
  return buildZip(entries);
}

function read(result: Probe): Extract<Outcome, { read: true }> {
  if (!result.outcome.read) throw new Error(`refused: ${result.outcome.message}`);
  return result.outcome;
}

const HEADER = `<row r="1"><c r="A1" t="inlineStr"><is><t>Trust ODS code</t></is></c></row>`;

describe("readXlsx on hostile files", () => {
  it("refuses 80,000 unclosed <dataValidation> tags at once (the nesting bound), and reads 300,000 closed ones", async () => {
    const unclosed = `<dataValidations count="80000">${`<dataValidation type="list" sqref="A1">`.repeat(80_000)}</dataValidations>`;
    const bytes = buildXlsx({ sheets: [{ name: "S", xml: worksheetXml(HEADER, unclosed) }] });
    expect(bytes.length).toBeLessThan(64 * 1024);
    refused(await probe("unclosed-validations.xlsx", bytes), /^truncated or damaged \.xlsx \(the part "xl\/worksheets\/sheet1\.xml" nests elements more than 128 deep\)$/);

    const closed = `<dataValidations count="300000">${`<dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation>`.repeat(300_000)}</dataValidations>`;
    const outcome = read(await probe("closed-validations.xlsx", buildXlsx({ sheets: [{ name: "S", xml: worksheetXml(HEADER, closed) }] })));
    expect(outcome.sheets[0]).toMatchObject({ rows: 1, values: 1 });
    expect(outcome.beyondValues).toContain("data validation");
  });

  it("reads 40,000 rows whose only value is in column XFD: those values are left out, the sheet stays readable", async () => {
    let rows = HEADER;
    for (let r = 2; r <= 40_001; r++) rows += `<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`;
    const outcome = read(await probe("column-xfd.xlsx", oneSheet(rows)));
    expect(outcome.sheets[0]).toMatchObject({ rows: 1, values: 1, widest: 1 });
    expect(outcome.beyondValues).toContain("values beyond column AMJ (not read)");
  });

  it("refuses rows each with a value in the last column read once they pass the grid budget", async () => {
    let rows = "";
    for (let r = 1; r <= 10_000; r++) rows += `<row r="${r}"><c r="AMJ${r}"><v>1</v></c></row>`;
    // 10,000 rows of 1,024 slots: more than 4 slots per cell allowed with maxCells 1,000,000.
    refused(await probe("wide-rows.xlsx", oneSheet(rows), { maxCells: 1_000_000 }), /^too big to read: the workbook holds more than 4,000,000 cells from column A/);
  });

  it("reads 400 sheets each with a 100,000-cell merge without expanding any", async () => {
    const merge = `<mergeCells count="1"><mergeCell ref="A1:CV1000"/></mergeCells>`;
    const sheets = Array.from({ length: 400 }, (_, i) => ({ name: `S${i + 1}`, xml: worksheetXml(HEADER, merge) }));
    const outcome = read(await probe("merges.xlsx", buildXlsx({ sheets })));
    expect(outcome.sheetCount).toBe(400);
    expect(outcome.sheets[0]).toMatchObject({ rows: 1, values: 1 });
    expect(outcome.beyondValues).toContain("merged cells");
  });

  it("refuses 20 sheets of a million empty <row/> each: rows are counted across the workbook, empty ones too", async () => {
    const bytes = sameSheetEverywhere(20, worksheetXml("<row/>".repeat(1_000_000)));
    expect(bytes.length).toBeLessThan(2 * MB);
    refused(await probe("empty-rows.xlsx", bytes), /^too big to read: the workbook holds more than 2,000,000 rows, empty ones included \(the limit\)$/);
  });

  it("reads a 1 MB shared string referenced by 1,000 cells, holding the string once", async () => {
    let rows = "";
    for (let r = 1; r <= 1_000; r++) rows += `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c></row>`;
    const bytes = oneSheet(rows, { sharedStrings: ["x".repeat(MB)] });
    expect(bytes.length).toBeLessThan(MB);
    const result = await probe("long-string.xlsx", bytes);
    expect(read(result).sheets[0]).toMatchObject({ rows: 1_000, values: 1_000, longestString: MB });
  });

  it("refuses an entry whose directory lies (1 KB declared, 150 MB of zeros inside) without holding it", async () => {
    const entries = rawEntriesOf(zipParts(workbookParts({ sheets: [{ name: "S", xml: worksheetXml(HEADER) }] })));
    const zeros: RawEntry = { name: "xl/worksheets/sheet1.xml", method: 8, data: deflate(new Uint8Array(150 * MB)), declaredSize: 1024 };
    const bomb = buildZip([...entries.filter((e) => e.name !== zeros.name), zeros]);
    expect(bomb.length).toBeLessThan(MB);
    refused(await probe("lying-entry.xlsx", bomb), /^truncated or damaged \.xlsx \(the zip entry "xl\/worksheets\/sheet1\.xml" unpacks to more than the 1 KB it declares\)$/);
  });

  it("refuses an honest entry that unpacks past the inflation budget, stopping there", async () => {
    const merges = `<mergeCells>${`<mergeCell ref="A1:B2"/>`.repeat(2_000_000)}</mergeCells>`;
    const bytes = sameSheetEverywhere(1, worksheetXml(HEADER, merges));
    refused(await probe("inflation-budget.xlsx", bytes, { maxInflatedBytes: 20 * MB }), /^too big to read: the workbook unpacks to more than 20 MB \(the limit\)$/);
  });
});
