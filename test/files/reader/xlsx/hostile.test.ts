/**
 * The .xlsx reader on hostile files (issue 10, docs/security.md): each is either refused with a
 * one-line WorkbookReadError or read correctly, and the reading process's peak memory stays
 * bounded. Each file is read in a fresh process (./probe.ts), so its memory is its own; the
 * bound asserted is the (300 MB peak, Node and tsx included).
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostileFile } from "./hostileFiles";

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

/** inflater: "zlib" reads as the command line does (Node's zlib for entries up to 64 MB), else as the browser does. */
async function probe(name: string, bytes: Uint8Array, limits?: object, inflater: "fflate" | "zlib" = "fflate"): Promise<Probe> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const child = spawnSync(process.execPath, ["--import", "tsx", PROBE, path, JSON.stringify(limits ?? {}), inflater], { encoding: "utf8", maxBuffer: 16 * MB });
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

function read(result: Probe): Extract<Outcome, { read: true }> {
  if (!result.outcome.read) throw new Error(`refused: ${result.outcome.message}`);
  return result.outcome;
}

/** Builds the named file of ./hostileFiles.ts and reads it in a fresh process, with the file's own limits. */
async function probeFile(name: string, check?: (bytes: Uint8Array) => void, inflater: "fflate" | "zlib" = "fflate"): Promise<Probe> {
  const file = hostileFile(name);
  const bytes = file.build();
  check?.(bytes);
  return probe(name, bytes, file.limits, inflater);
}

describe("readXlsx on hostile files", () => {
  it("refuses 80,000 unclosed <dataValidation> tags at once (the nesting bound), and reads 300,000 closed ones", async () => {
    const unclosed = await probeFile("unclosed-validations.xlsx", (bytes) => expect(bytes.length).toBeLessThan(64 * 1024));
    refused(unclosed, /^truncated or damaged \.xlsx \(the part "xl\/worksheets\/sheet1\.xml" nests elements more than 128 deep\)$/);
    const outcome = read(await probeFile("closed-validations.xlsx"));
    expect(outcome.sheets[0]).toMatchObject({ rows: 1, values: 1 });
    expect(outcome.beyondValues).toContain("data validation");
  });

  it("reads 40,000 rows whose only value is in column XFD: those values are left out, the sheet stays readable", async () => {
    const outcome = read(await probeFile("column-xfd.xlsx"));
    expect(outcome.sheets[0]).toMatchObject({ rows: 1, values: 1, widest: 1 });
    expect(outcome.beyondValues).toContain("values beyond column AMJ (not read)");
  });

  it("refuses rows each with a value in the last column read once they pass the grid budget", async () => {
    // 10,000 rows of 1,024 slots: more than 4 slots per cell allowed with maxCells 1,000,000.
    refused(await probeFile("wide-rows.xlsx"), /^too big to read: the workbook holds more than 4,000,000 cells from column A/);
  });

  it("reads 400 sheets each with a 100,000-cell merge without expanding any", async () => {
    const outcome = read(await probeFile("merges.xlsx"));
    expect(outcome.sheetCount).toBe(400);
    expect(outcome.sheets[0]).toMatchObject({ rows: 1, values: 1 });
    expect(outcome.beyondValues).toContain("merged cells");
  });

  it("refuses 20 sheets of a million empty <row/> each: rows are counted across the workbook, empty ones too", async () => {
    const result = await probeFile("empty-rows.xlsx", (bytes) => expect(bytes.length).toBeLessThan(2 * MB));
    refused(result, /^too big to read: the workbook holds more than 2,000,000 rows, empty ones included \(the limit\)$/);
  });

  it("reads a 1 MB shared string referenced by 1,000 cells, holding the string once", async () => {
    const result = await probeFile("long-string.xlsx", (bytes) => expect(bytes.length).toBeLessThan(MB));
    expect(read(result).sheets[0]).toMatchObject({ rows: 1_000, values: 1_000, longestString: MB });
  });

  it.each(["fflate", "zlib"] as const)("refuses an entry whose directory lies (1 KB declared, 150 MB of zeros inside) without holding it, inflating with %s", async (inflater) => {
    const result = await probeFile("lying-entry.xlsx", (bytes) => expect(bytes.length).toBeLessThan(MB), inflater);
    refused(result, /^truncated or damaged \.xlsx \(the zip entry "xl\/worksheets\/sheet1\.xml" unpacks to more than the 1 KB it declares\)$/);
  });

  it("refuses an honest entry that unpacks past the inflation budget, stopping there", async () => {
    refused(await probeFile("inflation-budget.xlsx"), /^too big to read: the workbook unpacks to more than 20 MB \(the limit\)$/);
  });
});
