import type { SheetData } from "../../../src/core/cells";
import { mergeReturns, type MergeSource } from "../../../src/core/merge";
import { validateSheet } from "../../../src/core/validate";
import { EAST, NORTH, SOUTH, type TrustBook } from "./trustWorkbooks";

const SUBMITTED = "2023-11-15";

function source(name: string, book: TrustBook): MergeSource {
  const sheet: SheetData = { name: book.sheet, rows: book.rows, firstRow: 1, firstCol: 1 };
  return { source: `${name} › ${book.sheet}`, result: validateSheet(sheet, { submitted: SUBMITTED }) };
}

/** North's RYJ again, updated, plus a trust of its own. */
const NORTH_AGAIN: TrustBook = {
  sheet: "Trusts",
  rows: [
    ["Trust ODS code", "Trust name", "Trust type", "EPR status", "EPR supplier", "Go-live date", "Convergence plan"],
    ["R1K", "London North West", "Acute", "Live", "Oracle Health", "2021-03-01", "Keep"],
    ["RYJ", "Imperial (updated)", "Acute", "Live", "Epic", "2019-06-01", "Keep"],
  ],
};

describe("mergeReturns: differently laid-out returns", () => {
  const merged = mergeReturns([source("north.xlsx", NORTH), source("south.xlsx", SOUTH), source("east.xlsx", EAST)], "keep");

  it("takes every row in source order, read into canonical values whatever the layout", () => {
    expect(merged.rows.map((r) => [r.source, r.trust.row, r.trust.trustCode, r.trust.supplier, r.trust.goLiveDate, r.trust.plan])).toEqual([
      ["north.xlsx › Trusts", 2, "RYJ", "Epic", "2019-06-01", "Keep"],
      ["north.xlsx › Trusts", 3, "R1H", "Oracle Health", "2012-10-01", "Keep"],
      ["south.xlsx › Providers", 4, "RJZ", "Epic", "2020-03-31", "Keep"],
      ["south.xlsx › Providers", 5, "RPG", "The Access Group", "2015-04-01", "Interoperate"],
      ["east.xlsx › Sheet1", 2, "RGT", "Oracle Health", "2017-11-01", "Keep"],
    ]);
    expect(merged.rows.map((r) => r.trust.trustName)).toEqual([
      "Imperial College Healthcare", "Barts Health", "King's College Hospital", "Oxleas", "Cambridge University Hospitals",
    ]);
  });

  it("summarises each source: rows, taken, skipped, errors and warnings", () => {
    expect(merged.sources.map((s) => [s.source, s.rows, s.taken, s.skipped, s.errors])).toEqual([
      ["north.xlsx › Trusts", 2, 2, 0, 0],
      ["south.xlsx › Providers", 2, 2, 0, 0],
      ["east.xlsx › Sheet1", 1, 1, 0, 0],
    ]);
    // East spells the code in lower case and the supplier by an alias: non_canonical warnings.
    expect(merged.sources[2]?.warnings).toBeGreaterThanOrEqual(2);
  });
});

describe("mergeReturns: duplicates", () => {
  const sources = [source("north.xlsx", NORTH), source("again.xlsx", NORTH_AGAIN)];
  const codesAndNames = (rows: ReturnType<typeof mergeReturns>["rows"]) => rows.map((r) => `${r.trust.trustCode} ${r.trust.trustName}`);

  it("keep: the earlier row stays and the later one is skipped", () => {
    const merged = mergeReturns(sources, "keep");
    expect(codesAndNames(merged.rows)).toEqual(["RYJ Imperial College Healthcare", "R1H Barts Health", "R1K London North West"]);
    expect(merged.sources[1]).toMatchObject({ rows: 2, taken: 1, skipped: 1 });
    expect(merged.sources[1]?.dropped).toEqual([{ row: 3, trustCode: "RYJ", reason: "kept-earlier", instead: "north.xlsx › Trusts" }]);
    expect(merged.sources[0]).toMatchObject({ taken: 2, skipped: 0 });
  });

  it("replace: the later row takes the earlier one's place", () => {
    const merged = mergeReturns(sources, "replace");
    expect(codesAndNames(merged.rows)).toEqual(["RYJ Imperial (updated)", "R1H Barts Health", "R1K London North West"]);
    expect(merged.rows[0]?.source).toBe("again.xlsx › Trusts");
    expect(merged.sources[0]).toMatchObject({ rows: 2, taken: 1, skipped: 1 });
    expect(merged.sources[0]?.dropped).toEqual([{ row: 2, trustCode: "RYJ", reason: "replaced-by-later", instead: "again.xlsx › Trusts" }]);
    expect(merged.sources[1]).toMatchObject({ taken: 2, skipped: 0 });
  });

  it("both: every row is kept, so validation flags the duplicate on each", () => {
    const merged = mergeReturns(sources, "both");
    expect(codesAndNames(merged.rows)).toEqual([
      "RYJ Imperial College Healthcare", "R1H Barts Health", "R1K London North West", "RYJ Imperial (updated)",
    ]);
    expect(merged.sources.every((s) => s.skipped === 0)).toBe(true);
  });

  it("treats a duplicate within one source like one across sources", () => {
    const twice: TrustBook = { sheet: "Trusts", rows: [...NORTH.rows, ["RYJ", "Imperial again", "Acute", "Live", "Epic", "2019-06-01", "Keep"]] };
    const merged = mergeReturns([source("one.xlsx", twice)], "keep");
    expect(merged.rows.map((r) => r.trust.trustName)).toEqual(["Imperial College Healthcare", "Barts Health"]);
    expect(merged.sources[0]).toMatchObject({ rows: 3, taken: 2, skipped: 1 });
  });

  it("always takes rows whose trust code cannot be read: there is nothing to compare", () => {
    const unreadable: TrustBook = { sheet: "Trusts", rows: [NORTH.rows[0] ?? [], ["XX9", "Bad code", "Acute", "Live", "Epic", "2019-06-01", "Keep"], [null, "No code", "Acute", "Live", "Epic", "2019-06-01", "Keep"]] };
    const merged = mergeReturns([source("a.xlsx", unreadable), source("b.xlsx", unreadable)], "keep");
    expect(merged.rows).toHaveLength(4);
    expect(merged.rows.every((r) => r.trust.trustCode === null)).toBe(true);
    expect(merged.sources.map((s) => s.skipped)).toEqual([0, 0]);
  });

  it("counts a file given twice as two sources, each with its own summary", () => {
    const north = source("north.xlsx", NORTH);
    const merged = mergeReturns([north, north], "keep");
    expect(merged.sources.map((s) => [s.taken, s.skipped])).toEqual([[2, 0], [0, 2]]);
  });
});
