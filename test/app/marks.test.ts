import { isMarkFormula, MARK_STYLES, planMarks, updateMarksRecord } from "../../src/app/marks";

describe("planMarks", () => {
  it("compacts per severity and lets an error win over a warning on the same cell", () => {
    const ranges = planMarks([
      { address: "E2", severity: "error" },
      { address: "E3", severity: "error" },
      { address: "E3", severity: "warning" },
      { address: "G2", severity: "warning" },
      { address: "G3", severity: "warning" },
    ]);
    expect(ranges).toEqual({ error: ["E2:E3"], warning: ["G2:G3"] });
  });
});

describe("mark formulas", () => {
  it("recognises our sentinel however Excel cases it, and nothing else", () => {
    expect(isMarkFormula(MARK_STYLES.error.formula)).toBe(true);
    expect(isMarkFormula('=istext("epr-return-mark-warning")')).toBe(true);
    expect(isMarkFormula("=A1>10")).toBe(false);
    expect(isMarkFormula(undefined)).toBe(false);
  });
});

describe("updateMarksRecord", () => {
  it("replaces one sheet's entry, keeps others, and removes empty ones", () => {
    const first = updateMarksRecord(undefined, "Trusts", { error: ["A1"], warning: [] });
    const second = updateMarksRecord(first, "ICS", { error: [], warning: ["B2"] });
    expect(second).toEqual({ Trusts: { error: ["A1"], warning: [] }, ICS: { error: [], warning: ["B2"] } });
    expect(updateMarksRecord(second, "Trusts", null)).toEqual({ ICS: { error: [], warning: ["B2"] } });
    expect(updateMarksRecord("garbage", "ICS", { error: [], warning: [] })).toEqual({});
  });
});

describe("updateMarksRecord given the workbook's sheets", () => {
  it("drops the entries of sheets no longer there (renamed or deleted), comparing names as Excel does, ignoring case", () => {
    const ranges = { error: ["A1"], warning: [] };
    const previous = { "Trusts 2023": ranges, ics: ranges, Gone: ranges };
    expect(updateMarksRecord(previous, "Trusts", ranges, ["Trusts", "ICS"])).toEqual({ ics: ranges, Trusts: ranges });
    expect(updateMarksRecord(previous, "Trusts", null, ["Trusts"])).toEqual({});
    // Without the list (an older caller), nothing is dropped.
    expect(Object.keys(updateMarksRecord(previous, "Trusts", null))).toEqual(["Trusts 2023", "ics", "Gone"]);
  });
});

describe("updateMarksRecord with hostile sheet names", () => {
  it("stores a sheet named __proto__ like any other, and survives a JSON round trip", () => {
    const ranges = { error: ["A1"], warning: [] };
    const record = updateMarksRecord({ Trusts: { error: [], warning: ["B2"] } }, "__proto__", ranges);
    expect(Object.keys(record).sort()).toEqual(["Trusts", "__proto__"]);
    const again = JSON.parse(JSON.stringify(record)) as unknown;
    expect(Object.keys(updateMarksRecord(again, "Trusts", null))).toEqual(["__proto__"]);
  });
});
