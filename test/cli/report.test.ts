/**
 * `epr-return report` end to end over a folder of 22 generated returns (test/helpers/nationalReturns.ts): exit codes,
 * the files it reads and skips, the JSON's figures against an independent computation (test/core/national/independent.ts),
 * the workbook's cached values, and the same workbook recalculated by LibreOffice.
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CellValue } from "../../src/core/cells";
import { REGIONS } from "../../src/core/enums";
import type { NationalReport } from "../../src/core/national";
import { hasLibreOffice, recalculate } from "../helpers/libreoffice";
import { writeNationalFolder, type GeneratedFolder, type GeneratedReturn } from "../helpers/nationalReturns";
import { tempFolder } from "../core/merge/trustWorkbooks";
import { area, expectClose, market, regionGroups, TARGETS, type Area } from "../core/national/independent";
import { isoOf, readLabelled, readTable, type TableRow } from "./reportWorkbookRead";
import { runCli } from "./run";

jest.setTimeout(300_000);

let folder: { dir: string; cleanup: () => Promise<void> };
let gen: GeneratedFolder;
let out: string;
let json: NationalReport & { workbook: string };
const path = (name: string) => join(folder.dir, name);

beforeAll(async () => {
  folder = await tempFolder("epr-report-");
  await mkdir(path("returns"));
  gen = await writeNationalFolder(path("returns"));
  out = path("national");
  const run = await runCli(["report", path("returns"), "-o", out, "--json"]);
  if (run.code !== 0) throw new Error(`report failed (${run.code}): ${run.stderr}`);
  json = JSON.parse(run.stdout) as typeof json;
});
afterAll(() => folder.cleanup());

const dec = TARGETS["dec-2023"];
const byRegion = (region: string | null) => gen.returns.filter((g) => g.region === region);

/** The area table's headers and the figure each holds (met as the sheet shows it). */
const AREA_COLUMNS: readonly [string, keyof Area][] = [
  ["ICSs", "icss"], ["Trusts", "trusts"], ["Installed", "installed"], ["Implementing", "implementing"], ["Installed share", "installedShare"],
  ["Covered share", "coveredShare"], ["Target met", "met"], ["Date 90% installed", "date90"], ["Distinct systems (now)", "systemsNow"],
  ["Distinct systems (target)", "systemsTarget"], ["Effective systems (now)", "effectiveNow"], ["Effective systems (target)", "effectiveTarget"],
  ["Convergence score (now)", "scoreNow"], ["Convergence score (target)", "scoreTarget"], ["Total cost (£)", "totalCost"],
  ["Local funding (£)", "localFunding"], ["National funding requested (£)", "nationalFunding"], ["Funding gap (£)", "gap"],
];

function sheetValue(value: CellValue, key: string): unknown {
  if (key === "met") return value === "Yes" ? true : value === "No" ? false : value;
  if (key === "date90" || key === "submissionDate") return isoOf(value);
  return value;
}

function expectAreaRow(label: string, row: TableRow | undefined, want: Area): void {
  expect([label, row === undefined]).toEqual([label, false]);
  for (const [header, key] of AREA_COLUMNS) expectClose(`${label} ${header}`, sheetValue(row?.get(header) ?? null, key), want[key]);
}

/** Every figure of National, ICSs and Suppliers in the workbook at `file` against the independent ones. */
async function expectWorkbookFigures(file: string): Promise<void> {
  const target = await readLabelled(file, "National");
  expect([target.get("Target profile"), isoOf(target.get("Target date") ?? null), target.get("Returns read"), target.get("Returns not read")]).toEqual(["dec-2023", "2023-12-31", 22, 1]);
  const areas = await readTable(file, "National", 8);
  expectAreaRow("England", areas[0], area(gen.returns, dec));
  const groups = regionGroups(gen.returns, REGIONS);
  expect(areas.slice(1).map((r) => r.get("Area"))).toEqual(groups.map((g) => g ?? "Region not given"));
  groups.forEach((region, i) => expectAreaRow(String(region), areas[i + 1], area(byRegion(region), dec)));

  const icss = await readTable(file, "ICSs");
  expect(icss.map((r) => r.get("File"))).toEqual(gen.returns.map((g) => g.file));
  icss.forEach((row, i) => {
    const g = gen.returns[i] as GeneratedReturn;
    const own = area([g], dec);
    const want: Record<string, unknown> = {
      "ICS name": g.icsName, "ICB code": g.icbCode, Region: g.region, Trusts: own.trusts, Stamp: g.stamp, "Installed share": own.installedShare,
      "Covered share": own.coveredShare, "Target met": own.met ? "Yes" : "No", "Convergence score (now)": own.scoreNow,
      "Convergence score (target)": own.scoreTarget, "Effective systems (now)": own.effectiveNow, "Effective systems (target)": own.effectiveTarget,
      "National funding requested (£)": own.nationalFunding,
    };
    for (const [header, value] of Object.entries(want)) expectClose(`${g.file} ${header}`, row.get(header), value);
    expect([g.file, isoOf(row.get("Submission date") ?? null)]).toEqual([g.file, g.submissionDate]);
    expect([g.file, Number(row.get("Errors")) > 0]).toEqual([g.file, g.hasErrors]);
  });

  const m = market(gen.returns);
  const suppliers = await readTable(file, "Suppliers");
  const rows = suppliers.filter((r) => m.bySupplier.has(String(r.get("Supplier"))));
  expect(rows.map((r) => r.get("Supplier")).sort()).toEqual([...m.bySupplier.keys()].sort());
  const SUPPLIER_COLUMNS = [
    ["Trusts (now)", "trustsNow"], ["Share (now)", "shareNow"], ["Trusts (target)", "trustsTarget"], ["Share (target)", "shareTarget"],
    ["Beds (now)", "bedsNow"], ["Bed share (now)", "bedShareNow"], ["Beds (target)", "bedsTarget"], ["Bed share (target)", "bedShareTarget"],
  ] as const;
  for (const row of rows) {
    const line = m.bySupplier.get(String(row.get("Supplier")));
    for (const [header, key] of SUPPLIER_COLUMNS) expectClose(`${String(row.get("Supplier"))} ${header}`, row.get(header), line?.[key]);
  }
  const labelled = await readLabelled(file, "Suppliers");
  expectClose("HHI now", labelled.get("HHI (now, by trusts)"), m.hhiNow);
  expectClose("HHI target", labelled.get("HHI (target, by trusts)"), m.hhiTarget);
  expectClose("bed HHI now", labelled.get("HHI (now, by beds)"), m.bedHhiNow);
  expectClose("bed HHI target", labelled.get("HHI (target, by beds)"), m.bedHhiTarget);
}

describe("epr-return report FOLDER -o OUT --json", () => {
  it("reads every return in the folder (not the ~$ owner file, the text file or the subfolder) and writes OUT.xlsx", () => {
    expect(json.workbook).toBe(`${out}.xlsx`);
    expect(existsSync(`${out}.xlsx`)).toBe(true);
    expect(json.icss.map((i) => i.file)).toEqual(gen.returns.map((g) => g.file));
    expect(json.problems.unreadable).toEqual([{ file: gen.unreadable[0], reason: expect.stringMatching(/./) }]);
  });

  it("measures against the profile most returns name, and gives every national and regional figure", () => {
    expect([json.profile, json.profileFrom, json.asOf]).toEqual(["dec-2023", "returns", "2023-12-31"]);
    for (const [key, value] of Object.entries(area(gen.returns, dec))) expectClose(`England ${key}`, (json.national as unknown as Record<string, unknown>)[key], value);
    expect(json.regions.map((r) => r.region)).toEqual(regionGroups(gen.returns, REGIONS));
    for (const r of json.regions) {
      for (const [key, value] of Object.entries(area(byRegion(r.region), dec))) expectClose(`${String(r.region)} ${key}`, (r as unknown as Record<string, unknown>)[key], value);
    }
  });

  it("reads the region case-insensitively, and an unknown one as none with a warning", () => {
    const london = json.icss[3];
    expect(london?.region).toBe("London");
    const unknown = json.icss[21];
    expect([unknown?.region, (unknown?.warnings ?? 0) > 0]).toEqual([null, true]);
  });

  it("gives each ICS its errors, warnings, stamp (verified, changed, none) and submission date", () => {
    json.icss.forEach((ics, i) => {
      const g = gen.returns[i] as GeneratedReturn;
      expect([ics.file, ics.errors > 0, ics.stamp, ics.submissionDate, ics.icsName, ics.icbCode]).toEqual([g.file, g.hasErrors, g.stamp, g.submissionDate, g.icsName, g.icbCode]);
    });
    expect(new Set(json.icss.map((i) => i.stamp))).toEqual(new Set(["verified", "changed", "none"]));
  });

  it("gives the supplier market against the independent one", () => {
    const m = market(gen.returns);
    expect(json.suppliers.rows.map((r) => r.supplier).sort()).toEqual([...m.bySupplier.keys()].sort());
    for (const row of json.suppliers.rows) {
      for (const [key, value] of Object.entries(m.bySupplier.get(row.supplier) ?? {})) expectClose(`${row.supplier} ${key}`, (row as unknown as Record<string, unknown>)[key], value);
    }
    expectClose("hhiNow", json.suppliers.hhiNow, m.hhiNow);
    expectClose("bedHhiTarget", json.suppliers.bedHhiTarget, m.bedHhiTarget);
  });

  it("lists the duplicate trust code, the unreadable file and the returns with errors as problems", () => {
    expect(json.problems.duplicateTrusts.map((d) => [d.trustCode, d.places.length])).toEqual([[gen.duplicateCode, 2]]);
    expect(json.problems.withErrors.map((e) => e.file)).toEqual(gen.returns.filter((g) => g.hasErrors).map((g) => g.file));
  });

  it("writes the figures into the workbook as cached values (what a program that does not recalculate shows)", async () => {
    await expectWorkbookFigures(`${out}.xlsx`);
    const problems = await readTable(`${out}.xlsx`, "Problems");
    expect(problems.map((p) => p.get("Problem"))).toEqual([
      "Trust code in more than one return", "Trust code in more than one return", "Return could not be read", "Return has errors", "Return has errors",
    ]);
    const trusts = await readTable(`${out}.xlsx`, "Trusts");
    expect(trusts).toHaveLength(gen.returns.reduce((n, g) => n + g.trusts.length, 0));
  });

  (hasLibreOffice() ? it : it.skip)("gives the same figures from its formulas recalculated by LibreOffice", async () => {
    const recalculated = path("national-recalculated.xlsx");
    await recalculate(`${out}.xlsx`, recalculated, 180_000);
    await expectWorkbookFigures(recalculated);
  });
});

describe("epr-return report: what it reads, and its exit codes", () => {
  it("prints a summary without --json, and names OUT.xlsx when OUT ends in .xlsx", async () => {
    const run = await runCli(["report", gen.returns[0]?.file ?? "", gen.returns[1]?.file ?? "", "-o", path("two.xlsx")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^National report: 2 returns read, 0 not read; profile dec-2023/);
    expect(run.stdout).toMatch(/\n {2}England {2,}\s+2\s+\d+/);
    expect(run.stdout).toContain(`wrote ${path("two.xlsx")}`);
    expect(existsSync(path("two.xlsx"))).toBe(true);
  });

  it("reads subfolders with --recursive", async () => {
    const run = await runCli(["report", path("returns"), "-o", path("recursive"), "--recursive", "--json", "--profile", "mar-2026"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as NationalReport;
    expect(report.icss.map((i) => i.file)).toEqual([...gen.returns.map((g) => g.file), gen.nested.file].sort());
    expect([report.profile, report.profileFrom]).toEqual(["mar-2026", "given"]);
  });

  it("never replaces an existing report without --force, and replaces it with --force", async () => {
    const refused = await runCli(["report", gen.returns[0]?.file ?? "", "-o", out]);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/already exists; choose another name or add --force/)]);
    const forced = await runCli(["report", gen.returns[0]?.file ?? "", "-o", out, "--force"]);
    expect(forced.code).toBe(0);
  });

  it("exits 2 for bad usage: no -o, an unknown profile, a bad date, no returns found", async () => {
    await mkdir(path("empty"));
    await writeFile(path("empty/notes.txt"), "nothing here");
    const cases: [string[], RegExp][] = [
      [["report", path("returns")], /needs -o OUT/],
      [["report", path("returns"), "-o", path("x"), "--profile", "jun-2025"], /--profile must be one of/],
      [["report", path("returns"), "-o", path("x"), "--as-of", "31/12/2023"], /--as-of needs a date as YYYY-MM-DD/],
      [["report", path("empty"), "-o", path("x")], /no returns found in .*empty.*--recursive/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv);
      expect([argv.join(" "), run.code, run.stderr]).toEqual([argv.join(" "), 2, expect.stringMatching(message)]);
    }
    expect(existsSync(path("x.xlsx"))).toBe(false);
  });

  it("exits 2 and writes nothing when no return can be read", async () => {
    await mkdir(path("broken"));
    await copyFile(gen.unreadable[0] ?? "", path("broken/a.xlsx"));
    const run = await runCli(["report", path("broken"), "-o", path("none")]);
    expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(/nothing written: none of the 1 returns could be read/)]);
    expect(existsSync(path("none.xlsx"))).toBe(false);
  });

  it("does not read its own output when it is written into the folder it reads", async () => {
    await mkdir(path("self"));
    await copyFile(gen.returns[0]?.file ?? "", path("self/a.xlsx"));
    expect((await runCli(["report", path("self"), "-o", path("self/national")])).code).toBe(0);
    const again = await runCli(["report", path("self"), "-o", path("self/national"), "--force", "--json"]);
    expect((JSON.parse(again.stdout) as NationalReport).icss.map((i) => i.file)).toEqual([path("self/a.xlsx")]);
  });
});
