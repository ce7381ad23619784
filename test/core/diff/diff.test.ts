import { diffReturns, directionOf, summaryText, fieldChangeText, shortPounds, changedCells, type ReturnDiff } from "../../../src/core/diff";
import { pairTrusts } from "../../../src/core/diff/match";
import type { ColumnMapping } from "../../../src/core/results";
import type { IcsDetails, TrustRow } from "../../../src/core/schema";
import { trustRow } from "../calc/trustRow";

const at = (row: number, fields: Partial<TrustRow>): TrustRow => trustRow({ row, ...fields });
const side = (trusts: TrustRow[], ics: IcsDetails | null = null) => ({ trusts, ics });

const live = (row: number, code: string, fields: Partial<TrustRow> = {}) =>
  at(row, { trustCode: code, trustName: `Trust ${code}`, trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: "2020-03-31", plan: "Keep", ...fields });

function fieldsOf(diff: ReturnDiff, code: string) {
  return diff.changedTrusts.find((t) => t.trustCode === code)?.fields ?? [];
}

describe("diffReturns: matching by trust code", () => {
  it("finds no change between a return and itself, whatever the row order", () => {
    const rows = [live(2, "RAA"), live(3, "RBB"), at(4, { trustName: "No code yet" })];
    const moved = [at(2, { trustName: "No code yet" }), live(3, "RBB"), live(4, "RAA")].map((r) => ({ ...r }));
    const diff = diffReturns(side(rows), side(moved));
    expect(diff.changed).toBe(false);
    expect(diff.changedTrusts).toEqual([]);
    expect(summaryText(diff.summary)).toBe("No changes: the same 3 trusts, with the same values.");
  });

  it("counts a changed code as one trust removed and another added, and names the pair with the same name", () => {
    const diff = diffReturns(side([live(2, "RAA"), live(3, "RBB", { trustName: "Dale Valley" })]), side([live(2, "RAA"), live(3, "RBC", { trustName: "Dale Valley" })]));
    expect(diff.removed).toEqual([{ trustCode: "RBB", trustName: "Dale Valley", row: 3 }]);
    expect(diff.added).toEqual([{ trustCode: "RBC", trustName: "Dale Valley", row: 3, sameNameAs: "RBB" }]);
    expect(diff.changedTrusts).toEqual([]);
    expect(diff.changed).toBe(true);
  });

  it("matches a code repeated within a return in order, and says so", () => {
    const old = [live(2, "RAA", { beds: 1 }), live(3, "RAA", { beds: 2 }), live(4, "RAA", { beds: 3 })];
    const now = [live(2, "RAA", { beds: 1 }), live(3, "RAA", { beds: 20 })];
    const pairing = pairTrusts(old, now);
    expect(pairing.pairs.map((p) => [p.old.row, p.new.row])).toEqual([[2, 2], [3, 3]]);
    expect(pairing.removed.map((r) => r.row)).toEqual([4]);
    const diff = diffReturns(side(old), side(now));
    expect(diff.repeatedCodes).toEqual([{ trustCode: "RAA", old: 3, new: 2 }]);
    expect(diff.changedTrusts.map((t) => [t.row, t.fields.map((f) => [f.column, f.old, f.new])])).toEqual([[3, [["beds", 2, 20]]]]);
  });
});

describe("diffReturns: fields", () => {
  const diffOf = (before: Partial<TrustRow>, after: Partial<TrustRow>) => fieldsOf(diffReturns(side([live(2, "RAA", before)]), side([live(2, "RAA", after)])), "RAA");

  it("gives a date's slip in days, later positive", () => {
    expect(diffOf({ targetGoLiveDate: "2025-03-31" }, { targetGoLiveDate: "2025-07-01" })).toEqual([
      { column: "targetGoLiveDate", old: "2025-03-31", new: "2025-07-01", days: 92 },
    ]);
    expect(diffOf({ goLiveDate: "2020-03-31" }, { goLiveDate: "2020-03-01" })[0]?.days).toBe(-30);
    // blank → date: no slip to give.
    expect(diffOf({ contractEndDate: null }, { contractEndDate: "2030-01-01" })).toEqual([{ column: "contractEndDate", old: null, new: "2030-01-01" }]);
  });

  it("gives money's change in pounds, a blank counting as £0", () => {
    expect(diffOf({ nationalFunding: 1_000_000 }, { nationalFunding: 1_500_000 })[0]?.change).toBe(500_000);
    expect(diffOf({ localFunding: 250_000 }, { localFunding: null })[0]).toEqual({ column: "localFunding", old: 250_000, new: null, change: -250_000 });
  });

  it("gives status, plan and stage a direction; text and suppliers none", () => {
    expect(diffOf({ eprStatus: "Procuring", supplier: null }, { eprStatus: "Implementing", supplier: null })[0]?.direction).toBe("progress");
    expect(diffOf({}, { eprStatus: "Implementing" })[0]?.direction).toBe("regress");
    expect(diffOf({ plan: "Keep" }, { plan: "Converge" })[0]?.direction).toBe("progress");
    expect(diffOf({ plan: "Keep" }, { plan: "New EPR" })[0]?.direction).toBeNull();
    expect(diffOf({ businessCaseStage: "FBC" }, { businessCaseStage: "OBC" })[0]?.direction).toBe("regress");
    const text = diffOf({ trustName: "Old name", supplier: "Epic" }, { trustName: "New name", supplier: "Oracle Health" });
    expect(text).toEqual([
      { column: "trustName", old: "Old name", new: "New name" },
      { column: "supplier", old: "Epic", new: "Oracle Health" },
    ]);
  });

  it("reads the direction table: blank and values outside a progression move neither way", () => {
    expect(directionOf("eprStatus", "No EPR", "Business case")).toBe("progress");
    expect(directionOf("eprStatus", "Live", "Implementing")).toBe("regress");
    expect(directionOf("eprStatus", null, "Live")).toBeNull();
    expect(directionOf("businessCaseStage", "Not needed", "Approved")).toBeNull();
    expect(directionOf("plan", "Single ICS EPR", "Interoperate")).toBe("regress");
    expect(directionOf("trustName", "a", "b")).toBeNull();
  });

  it("words a change as the report and the pane show it", () => {
    expect(fieldChangeText({ column: "targetGoLiveDate", old: "2025-03-31", new: "2025-07-01", days: 92 })).toBe("31 Mar 2025 → 1 Jul 2025 (slipped 92 days)");
    expect(fieldChangeText({ column: "contractEndDate", old: "2030-03-31", new: "2030-03-30", days: -1 })).toBe("31 Mar 2030 → 30 Mar 2030 (1 day earlier)");
    expect(fieldChangeText({ column: "nationalFunding", old: null, new: 1_500_000, change: 1_500_000 })).toBe("blank → £1,500,000 (up £1,500,000)");
    expect(fieldChangeText({ column: "eprStatus", old: "Live", new: "Implementing", direction: "regress" })).toBe("Live → Implementing (a step back)");
    expect(fieldChangeText({ column: "notes", old: "to check", new: null })).toBe("“to check” → blank");
  });
});

describe("diffReturns: ICS details, headline figures and summary", () => {
  const ics = (fields: Partial<IcsDetails>): IcsDetails => ({ icsName: "North", icbCode: "QE1", contactName: null, contactEmail: null, submissionDate: "2023-11-15", targetProfile: null, ...fields });

  it("compares the ICS details, the submission date in days", () => {
    const diff = diffReturns(side([], ics({})), side([], ics({ contactName: "Jo Bloggs", submissionDate: "2024-02-15" })));
    expect(diff.ics).toEqual([
      { field: "contactName", old: null, new: "Jo Bloggs" },
      { field: "submissionDate", old: "2023-11-15", new: "2024-02-15", days: 92 },
    ]);
    expect(diff.changed).toBe(true);
  });

  it("scores both against the new return's profile and gives every headline figure's change", () => {
    const procuring = { eprStatus: "Procuring", supplier: null, goLiveDate: null, plan: "New EPR", targetGoLiveDate: "2026-06-30", nationalFunding: 1_000_000 } as const;
    const old = [live(2, "RAA"), live(3, "RBB", procuring)];
    const now = [live(2, "RAA"), live(3, "RBB", { eprStatus: "Live", goLiveDate: "2025-12-31", nationalFunding: 5_200_000 })];
    const diff = diffReturns(side(old), side(now, ics({ targetProfile: "mar-2026" })));
    expect(diff.headline.profile).toBe("mar-2026");
    const figure = (key: string) => diff.headline.figures.find((f) => f.figure === key);
    expect(figure("coverage.installedShare")).toMatchObject({ old: 0.5, new: 1, change: 0.5 });
    expect(figure("coverage.met")).toMatchObject({ old: false, new: true, change: null });
    expect(figure("funding.nationalFunding")).toMatchObject({ old: 1_000_000, new: 5_200_000, change: 4_200_000 });
    expect(figure("convergence.now.score")).toMatchObject({ old: 100, new: 100, change: 0 });
    expect(diff.headline.figures.map((f) => f.figure)).toEqual([
      "trusts", "coverage.installed", "coverage.installedShare", "coverage.coveredShare", "coverage.met", "coverage.date90",
      "convergence.now.systems", "convergence.now.score", "convergence.target.systems", "convergence.target.score",
      "funding.totalCost", "funding.localFunding", "funding.nationalFunding", "funding.gap",
    ]);
  });

  it("summarises slips with their median, status moves and national funding", () => {
    const slipping = (row: number, code: string, from: string, to: string) => [
      at(row, { trustCode: code, plan: "New EPR", eprStatus: "Procuring", targetGoLiveDate: from }),
      at(row, { trustCode: code, plan: "New EPR", eprStatus: "Procuring", targetGoLiveDate: to }),
    ] as const;
    const pairs = [
      slipping(2, "RAA", "2025-03-31", "2025-04-30"), // 30
      slipping(3, "RBB", "2025-03-31", "2025-07-01"), // 92
      slipping(4, "RCC", "2025-03-31", "2026-03-31"), // 365
      slipping(5, "RDD", "2025-03-31", "2025-01-31"), // brought forward
    ];
    const old = [...pairs.map((p) => p[0]), live(6, "REE", { nationalFunding: 0 })];
    const now = [...pairs.map((p) => p[1]), live(6, "REE", { eprStatus: "Implementing", nationalFunding: 4_200_000 })];
    const diff = diffReturns(side(old), side(now));
    expect(diff.summary.slips.find((s) => s.column === "targetGoLiveDate")).toEqual({ column: "targetGoLiveDate", slipped: 3, medianDays: 92, broughtForward: 1 });
    expect(summaryText(diff.summary)).toBe(
      "5 trusts changed; 3 of 5 trusts' target go-live dates slipped, median 92 days; 1 trust moved back in EPR status; national funding asked up £4.2m.",
    );
  });

  it("writes money short in the summary", () => {
    expect(shortPounds(4_200_000)).toBe("£4.2m");
    expect(shortPounds(-52_100_000)).toBe("-£52.1m");
    expect(shortPounds(250_000)).toBe("£250,000");
  });
});

describe("changedCells", () => {
  it("points at each changed field's cell and every mapped cell of an added row, through the sheet's own layout", () => {
    // The sheet has only three columns, in its own order: code in C, status in A, beds in B.
    const mapping: ColumnMapping = {
      headerRow: 1,
      headers: [
        { col: 1, cell: "A1", text: "Status", key: "eprStatus" },
        { col: 2, cell: "B1", text: "Beds", key: "beds" },
        { col: 3, cell: "C1", text: "Org code", key: "trustCode" },
        { col: 4, cell: "D1", text: "RAG", key: null },
      ],
    };
    const diff = diffReturns(side([live(2, "RAA", { beds: 1, plan: "Keep" })]), side([live(2, "RAA", { beds: 2, plan: "Interoperate" }), live(3, "RBB")]));
    // plan changed too, but the sheet has no plan column: nothing to mark for it.
    expect(changedCells(diff, mapping)).toEqual(["B2", "A3", "B3", "C3"]);
  });
});
