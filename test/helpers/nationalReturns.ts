/**
 * A folder of generated ICS returns for the national report's tests (issue 13): 22 returns (21 workbooks made with
 * the template writer, one CSV), several regions (one in lower case, one unknown, two none), beds in some, two with
 * errors, four stamped (one edited since), one trust code in two returns, one unreadable file, an Excel `~$` owner
 * file and a text file that are not returns, and one return in a subfolder (read only with --recursive).
 *
 * Each return's trusts are also given as the canonical rows the reader should make of them, so that tests can
 * compute every figure on their own from the same data.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { COLUMN_KEYS, COLUMNS } from "../../src/core/columns";
import { REGIONS, type Region, type Status, type Supplier } from "../../src/core/enums";
import { TrustRowSchema, type IcsDetails, type ProfileName, type TrustRow } from "../../src/core/schema";
import { icsValueCell } from "../../src/core/template/ics";
import { trustRowCells } from "../../src/core/rowCells";
import { writeIcsDetails, writeTrustsTable } from "../../src/files/writeRows";
import { templateWorkbook } from "../../src/files/writeTemplate";
import { runCli } from "../cli/run";

export interface GeneratedReturn {
  readonly file: string;
  readonly icsName: string | null;
  readonly icbCode: string | null;
  /** What the reader should make of the region cell. */
  readonly region: Region | null;
  readonly targetProfile: ProfileName | null;
  readonly submissionDate: string | null;
  /** The canonical rows the reader should read (row: the sheet row). */
  readonly trusts: readonly TrustRow[];
  readonly hasErrors: boolean;
  readonly stamp: "verified" | "changed" | "none";
}

export interface GeneratedFolder {
  readonly dir: string;
  /** The returns directly in `dir`, in file-name order (the order a report reads them). */
  readonly returns: readonly GeneratedReturn[];
  /** The return in `dir/older/`, read only with --recursive. */
  readonly nested: GeneratedReturn;
  readonly unreadable: readonly string[];
  /** The trust code in two returns. */
  readonly duplicateCode: string;
}

/** A small deterministic generator (mulberry32): the same folder on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUPPLIERS: readonly Supplier[] = ["Epic", "Oracle Health", "System C", "Dedalus", "MEDITECH", "TPP", "Nervecentre", "In-house", "Other"];
const TARGETS: readonly Supplier[] = ["Epic", "Oracle Health", "System C", "Nervecentre", "In-house"];
const SUBMITTED = "2023-11-15";
const RENAMED = "Renamed after stamping";

const BLANK_ROW: Omit<TrustRow, "row"> = Object.fromEntries(COLUMN_KEYS.map((k) => [k, null])) as Omit<TrustRow, "row">;

function isoOf(rand: () => number, from: string, days: number): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  return new Date(start + Math.floor(rand() * days) * 86_400_000).toISOString().slice(0, 10);
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  const value = list[Math.floor(rand() * list.length)];
  if (value === undefined) throw new Error("empty list");
  return value;
}

/** One trust that breaks no rule (the dates around the submission date 15/11/2023). */
function trustOf(rand: () => number, code: string, row: number, withBeds: boolean): TrustRow {
  const roll = rand();
  const status: Status = roll < 0.5 ? "Live" : roll < 0.7 ? "Implementing" : roll < 0.8 ? "Procuring" : roll < 0.9 ? "Business case" : "No EPR";
  const hasSystem = status === "Live" || status === "Implementing";
  const supplier = hasSystem ? pick(rand, SUPPLIERS) : null;
  const product = supplier === "In-house" || supplier === "Other" ? pick(rand, ["Care Suite", "PAS Plus", null]) : null;
  const planRoll = rand();
  const plan = !hasSystem ? "New EPR" : planRoll < 0.5 ? "Keep" : planRoll < 0.75 ? "Interoperate" : "New EPR";
  const changes = plan === "New EPR";
  const cost = changes ? Math.round(1 + rand() * 30) * 200_000 : null;
  return TrustRowSchema.parse({
    ...BLANK_ROW,
    row,
    trustCode: code,
    trustName: `Trust ${code}`,
    trustType: "Acute",
    eprStatus: status,
    supplier,
    product,
    goLiveDate: status === "Live" ? isoOf(rand, "2010-01-01", 5000) : status === "Implementing" ? isoOf(rand, "2023-12-01", 1000) : null,
    plan,
    targetSupplier: changes ? pick(rand, TARGETS) : null,
    targetGoLiveDate: changes ? isoOf(rand, "2023-12-01", 1300) : null,
    businessCaseStage: changes ? "OBC" : null,
    procurementStartDate: changes ? "2023-01-01" : null,
    contractAwardDate: changes && rand() < 0.5 ? "2023-06-30" : null,
    fundingModel: changes ? "Matched 50/50" : null,
    totalCost: cost,
    localFunding: cost === null ? null : cost / 2,
    nationalFunding: cost === null ? null : cost / 2,
    beds: withBeds ? 100 + Math.floor(rand() * 1400) : null,
  });
}

interface Plan {
  readonly index: number;
  readonly regionText: string | null;
  readonly region: Region | null;
  readonly profile: ProfileName;
  readonly withErrors: boolean;
  readonly stamp: "verified" | "changed" | "none";
  readonly csv: boolean;
}

const RETURNS = 22;

function planOf(index: number): Plan {
  const named = REGIONS[index % REGIONS.length] ?? null;
  const regionText = index === 3 ? "london" : index === 19 || index === 20 ? null : index === 21 ? "Yorkshire" : named;
  const region = index === 3 ? "London" : index === 21 ? null : (regionText as Region | null);
  return {
    index,
    regionText,
    region,
    profile: index % 5 === 4 ? "mar-2026" : "dec-2023",
    withErrors: index === 4 || index === 11,
    stamp: index === 7 ? "changed" : [0, 1, 2].includes(index) ? "verified" : "none",
    csv: index === 20,
  };
}

function trustsOf(plan: Plan, nextCode: () => string, rand: () => number): TrustRow[] {
  const count = 3 + (plan.index % 6);
  const trusts = Array.from({ length: count }, (_, i) => trustOf(rand, nextCode(), i + 2, plan.index % 3 !== 0));
  if (plan.withErrors) {
    // A Live trust with no supplier: the `required` error; the supplier reads as blank.
    const first = trusts[0];
    if (first) trusts[0] = { ...first, eprStatus: "Live", supplier: null, product: null, goLiveDate: "2015-04-01", plan: "Keep", targetSupplier: null, targetGoLiveDate: null, businessCaseStage: null, procurementStartDate: null, contractAwardDate: null, fundingModel: null, totalCost: null, localFunding: null, nationalFunding: null };
  }
  return trusts;
}

function icsOf(plan: Plan): IcsDetails {
  return {
    icsName: `Test ICS ${plan.index + 1}`,
    icbCode: `Q${String.fromCharCode(65 + Math.floor(plan.index / 10))}${plan.index % 10}`,
    contactName: null,
    contactEmail: null,
    submissionDate: SUBMITTED,
    targetProfile: plan.profile,
  };
}

async function writeWorkbook(path: string, ics: IcsDetails, regionText: string | null, trusts: readonly TrustRow[]): Promise<void> {
  const wb = templateWorkbook();
  writeIcsDetails(wb, ics);
  const sheet = wb.getWorksheet("ICS");
  if (sheet && regionText !== null) sheet.getCell(icsValueCell("region")).value = regionText;
  writeTrustsTable(wb, trusts.map(trustRowCells));
  await wb.xlsx.writeFile(path);
}

const csvText = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return `${String(value.getUTCDate()).padStart(2, "0")}/${String(value.getUTCMonth() + 1).padStart(2, "0")}/${value.getUTCFullYear()}`;
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

async function writeCsv(path: string, trusts: readonly TrustRow[]): Promise<void> {
  const lines = [COLUMNS.map((c) => c.header).join(","), ...trusts.map((t) => trustRowCells(t).map(csvText).join(","))];
  await writeFile(path, `${lines.join("\r\n")}\r\n`, "utf8");
}

/** A stamped return edited afterwards as another program would (a trust's name changed): its stamp reads changed. */
async function editAfterStamp(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Trusts");
  if (!ws) throw new Error("no Trusts sheet");
  ws.getCell("B2").value = RENAMED;
  await wb.xlsx.writeFile(path);
}

/** What one return holds and how it is written. */
interface PlannedReturn {
  readonly plan: Plan;
  readonly ics: IcsDetails;
  /** The rows as written (before any edit after stamping). */
  readonly written: readonly TrustRow[];
  /** The return as the reader should read it. */
  readonly expected: GeneratedReturn;
}

/** The returns' contents, without writing anything: the same on every run. names: file names, joined to `dir`. */
function planReturns(dir: string): { planned: PlannedReturn[]; nested: PlannedReturn; duplicateCode: string } {
  const rand = random(13);
  let counter = 100;
  const nextCode = (): string => `R${(counter++).toString(36).toUpperCase().padStart(2, "0").slice(-2)}`;
  const planned: PlannedReturn[] = [];
  let duplicateCode = "";
  const expectedOf = (plan: Plan, ics: IcsDetails, file: string, trusts: readonly TrustRow[]): GeneratedReturn => ({
    file,
    icsName: plan.csv ? null : ics.icsName,
    icbCode: plan.csv ? null : ics.icbCode,
    region: plan.csv ? null : plan.region,
    targetProfile: plan.csv ? null : plan.profile,
    submissionDate: plan.csv ? null : SUBMITTED,
    trusts,
    hasErrors: plan.withErrors,
    stamp: plan.stamp,
  });
  for (let index = 0; index < RETURNS; index++) {
    const plan = planOf(index);
    let written = trustsOf(plan, nextCode, rand);
    // The tenth return's last trust is also the ninth's first (both rows stay in every figure).
    if (index === 9) {
      duplicateCode = planned[8]?.written[0]?.trustCode ?? "";
      written = written.map((t, i) => (i === written.length - 1 ? { ...t, trustCode: duplicateCode, trustName: `Trust ${duplicateCode}` } : t));
    }
    const ics = icsOf(plan);
    const file = join(dir, `ics-${String(index + 1).padStart(2, "0")}.${plan.csv ? "csv" : "xlsx"}`);
    const read = plan.stamp === "changed" ? written.map((t, i) => (i === 0 ? { ...t, trustName: RENAMED } : t)) : written;
    planned.push({ plan, ics, written, expected: expectedOf(plan, ics, file, read) });
  }
  const nestedPlan: Plan = { ...planOf(0), index: 30, stamp: "none", regionText: "South West", region: "South West" };
  const nestedTrusts = trustsOf(nestedPlan, nextCode, rand);
  const nestedIcs = { ...icsOf(nestedPlan), icsName: "Older ICS" };
  const nested = { plan: nestedPlan, ics: nestedIcs, written: nestedTrusts, expected: expectedOf(nestedPlan, nestedIcs, join(dir, "older", "ics-old.xlsx"), nestedTrusts) };
  return { planned, nested, duplicateCode };
}

/** The generated returns' contents only (for tests of the core that need no files). */
export function nationalReturnsData(): { returns: GeneratedReturn[]; duplicateCode: string } {
  const { planned, duplicateCode } = planReturns("returns");
  return { returns: planned.map((p) => p.expected), duplicateCode };
}

async function writeReturn(p: PlannedReturn): Promise<void> {
  const file = p.expected.file;
  if (p.plan.csv) await writeCsv(file, p.written);
  else await writeWorkbook(file, p.ics, p.plan.regionText, p.written);
  if (p.plan.stamp !== "none") {
    const run = await runCli(["stamp", file, "--in-place"]);
    if (run.code !== 0) throw new Error(`stamping ${file} failed: ${run.stderr}`);
  }
  if (p.plan.stamp === "changed") await editAfterStamp(file);
}

export async function writeNationalFolder(dir: string): Promise<GeneratedFolder> {
  const { planned, nested, duplicateCode } = planReturns(dir);
  for (const p of planned) await writeReturn(p);
  const broken = join(dir, "ics-99-broken.xlsx");
  await writeFile(broken, "this is not a workbook");
  // Not returns: Excel's owner file of an open workbook, and a text file.
  await writeFile(join(dir, "~$ics-01.xlsx"), "owner file");
  await writeFile(join(dir, "readme.txt"), "returns for November");
  await mkdir(join(dir, "older"));
  await writeReturn(nested);
  return { dir, returns: planned.map((p) => p.expected), nested: nested.expected, unreadable: [broken], duplicateCode };
}
