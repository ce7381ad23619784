/** The national figures (core/national) against the same figures computed independently (./independent.ts). */
import { REGIONS } from "../../../src/core/enums";
import { chooseProfile, nationalReport, supplierMarket, type ReturnSummary } from "../../../src/core/national";
import type { TrustRow } from "../../../src/core/schema";
import { nationalReturnsData, type GeneratedReturn } from "../../helpers/nationalReturns";
import { area, expectClose, market, regionGroups, TARGETS } from "./independent";

const { returns: generated, duplicateCode } = nationalReturnsData();

function summaryOf(g: GeneratedReturn): ReturnSummary {
  return {
    file: g.file, icsName: g.icsName, icbCode: g.icbCode, region: g.region, targetProfile: g.targetProfile, submissionDate: g.submissionDate,
    trusts: g.trusts, errors: g.hasErrors ? 1 : 0, warnings: 0, stamp: g.stamp,
  };
}
const summaries = generated.map(summaryOf);

function expectArea(label: string, got: object, want: object): void {
  for (const [key, value] of Object.entries(want)) expectClose(`${label} ${key}`, (got as Record<string, unknown>)[key], value);
}

describe("nationalReport", () => {
  it("has what the tests claim: 22 returns, several regions, beds in some, a duplicate trust code", () => {
    expect(generated).toHaveLength(22);
    expect(new Set(generated.map((g) => g.region)).size).toBeGreaterThanOrEqual(7);
    expect(generated.filter((g) => g.trusts.some((t) => t.beds !== null)).length).toBeGreaterThan(5);
    expect(generated.filter((g) => g.trusts.some((t) => t.trustCode === duplicateCode))).toHaveLength(2);
    expect(generated.flatMap((g) => g.trusts).some((t) => t.supplier === "In-house")).toBe(true);
  });

  for (const profile of ["dec-2023", "mar-2026"] as const) {
    it(`gives national, regional and per-ICS figures equal to the independent ones (${profile})`, () => {
      const report = nationalReport(summaries, [], { profile });
      const target = TARGETS[profile];
      expect([report.profile, report.profileFrom, report.asOf]).toEqual([profile, "given", target.asOf]);
      expectArea("England", report.national, area(generated, target));
      expect(report.regions.map((r) => r.region)).toEqual(regionGroups(generated, REGIONS));
      for (const r of report.regions) expectArea(String(r.region), r, area(generated.filter((g) => g.region === r.region), target));
      expect(report.icss.map((i) => i.file)).toEqual(generated.map((g) => g.file));
      report.icss.forEach((ics, i) => {
        const g = generated[i] as GeneratedReturn;
        const own = area([g], target);
        expectArea(g.file, ics, {
          icsName: g.icsName, icbCode: g.icbCode, region: g.region, trusts: own.trusts, stamp: g.stamp, installedShare: own.installedShare,
          coveredShare: own.coveredShare, met: own.met, scoreNow: own.scoreNow, scoreTarget: own.scoreTarget, effectiveNow: own.effectiveNow,
          effectiveTarget: own.effectiveTarget, nationalFunding: own.nationalFunding, submissionDate: g.submissionDate,
        });
      });
    });
  }

  it("measures against another target date with --as-of, keeping the profile's minimum shares", () => {
    const report = nationalReport(summaries, [], { profile: "dec-2023", asOf: "2025-06-30" });
    expect([report.asOf, report.minInstalledShare]).toEqual(["2025-06-30", 0.9]);
    expectArea("England", report.national, area(generated, { ...TARGETS["dec-2023"], asOf: "2025-06-30" }));
  });

  it("gives the supplier market now and at target, by trusts and by beds, with its HHI", () => {
    const report = nationalReport(summaries, [], { profile: "dec-2023" });
    const want = market(generated);
    expect(new Set(report.suppliers.rows.map((r) => r.supplier))).toEqual(new Set(want.bySupplier.keys()));
    for (const row of report.suppliers.rows) expectArea(row.supplier, row, want.bySupplier.get(row.supplier) ?? {});
    const { hhiNow, hhiTarget, bedHhiNow, bedHhiTarget, withoutBedsNow, withoutBedsTarget } = want;
    expectArea("market", report.suppliers, { hhiNow, hhiTarget, bedHhiNow, bedHhiTarget, withoutBedsNow, withoutBedsTarget });
    // Largest first.
    const largest = report.suppliers.rows.map((r) => Math.max(r.shareNow, r.shareTarget));
    expect([...largest].sort((a, b) => b - a)).toEqual(largest);
  });

  it("lists a trust code in two returns as a problem, every place named, and counts both rows", () => {
    const report = nationalReport(summaries, [{ file: "bad.xlsx", reason: "is not a workbook" }], { profile: "dec-2023" });
    const places = generated.flatMap((g) => g.trusts.filter((t) => t.trustCode === duplicateCode).map((t) => ({ file: g.file, row: t.row })));
    expect(report.problems.duplicateTrusts).toEqual([{ trustCode: duplicateCode, places }]);
    expect(report.national.trusts).toBe(generated.reduce((n, g) => n + g.trusts.length, 0));
    expect(report.problems.unreadable).toEqual([{ file: "bad.xlsx", reason: "is not a workbook" }]);
    expect(report.problems.withErrors.map((e) => e.file)).toEqual(generated.filter((g) => g.hasErrors).map((g) => g.file));
  });

  it("does not list a code repeated within one return (that return's own duplicate error)", () => {
    const trust = generated[0]?.trusts[0] as TrustRow;
    const twice = { ...summaries[0] as ReturnSummary, trusts: [trust, { ...trust, row: 9 }] };
    expect(nationalReport([twice], [], { profile: "dec-2023" }).problems.duplicateTrusts).toEqual([]);
  });

  it("keeps two trusts without a readable code apart across returns, though they sit on the same sheet row", () => {
    const own = { ...(generated[0]?.trusts[0] as TrustRow), trustCode: null, eprStatus: "Live" as const, supplier: "In-house" as const, product: null, goLiveDate: "2015-01-01", row: 2 };
    const a = { ...summaries[0] as ReturnSummary, file: "a.xlsx", trusts: [own] };
    const b = { ...a, file: "b.xlsx" };
    expect(nationalReport([a, b], [], { profile: "dec-2023" }).national.systemsNow).toBe(2);
  });

  it("gives no regional rows when no return names a region", () => {
    const none = summaries.map((s) => ({ ...s, region: null }));
    expect(nationalReport(none, [], { profile: "dec-2023" }).regions).toEqual([]);
  });
});

describe("chooseProfile", () => {
  it("takes the given profile, else the one most returns name, else (none, or a tie) the default", () => {
    expect(chooseProfile("mar-2026", ["dec-2023"])).toEqual({ profile: "mar-2026", from: "given" });
    expect(chooseProfile(undefined, ["mar-2026", null, "mar-2026", "dec-2023"])).toEqual({ profile: "mar-2026", from: "returns" });
    expect(chooseProfile(undefined, ["mar-2026", "dec-2023"])).toEqual({ profile: "dec-2023", from: "default" });
    expect(chooseProfile(undefined, [null, null])).toEqual({ profile: "dec-2023", from: "default" });
  });

  it("is what nationalReport uses without a profile", () => {
    expect(nationalReport(summaries, []).profileFrom).toBe("returns");
  });
});

describe("supplierMarket", () => {
  it("gives nothing, and HHI 0, for no trusts with a supplier", () => {
    expect(supplierMarket([])).toMatchObject({ rows: [], trustsNow: 0, hhiNow: 0, bedHhiNow: 0 });
  });
});
