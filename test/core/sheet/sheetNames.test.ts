import { planSheetNames, uniqueSheetName, uniqueTableName } from "../../../src/core/sheet/sheetNames";

describe("uniqueSheetName", () => {
  it("keeps a free name", () => {
    expect(uniqueSheetName("Trusts", ["ICS"])).toBe("Trusts");
  });
  it("picks the next free (n), ignoring case", () => {
    expect(uniqueSheetName("Trusts", ["trusts", "Trusts (2)"])).toBe("Trusts (3)");
  });
  it("stays within Excel's 31 characters", () => {
    const long = "A".repeat(31);
    const name = uniqueSheetName(long, [long]);
    expect(name).toHaveLength(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});

describe("uniqueTableName", () => {
  it("appends _n without spaces", () => {
    expect(uniqueTableName("TrustsTable", ["trustsTable"])).toBe("TrustsTable_2");
  });
});

describe("planSheetNames", () => {
  it("renames only the clashing sheets and never reuses a name it just chose", () => {
    const plan = planSheetNames(["Guidance", "Trusts", "Trusts (2)"], ["Trusts", "Sheet1"]);
    expect(plan.sheets).toEqual([
      { templateName: "Guidance", name: "Guidance", renamed: false },
      { templateName: "Trusts", name: "Trusts (2)", renamed: true },
      { templateName: "Trusts (2)", name: "Trusts (2) (2)", renamed: true },
    ]);
  });
});
