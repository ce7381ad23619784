import { fyQuarter } from "../../../src/core/calc";

describe("fyQuarter", () => {
  it.each([
    ["2023-04-01", "Q1 2023/24"],
    ["2023-06-30", "Q1 2023/24"],
    ["2023-07-01", "Q2 2023/24"],
    ["2023-09-30", "Q2 2023/24"],
    ["2023-10-01", "Q3 2023/24"],
    ["2023-12-31", "Q3 2023/24"],
    ["2024-01-01", "Q4 2023/24"],
    ["2024-03-31", "Q4 2023/24"],
    ["2024-04-01", "Q1 2024/25"],
    ["2026-03-31", "Q4 2025/26"],
    ["1999-12-31", "Q3 1999/00"],
    ["2000-02-29", "Q4 1999/00"],
  ])("%s → %s", (iso, label) => {
    expect(fyQuarter(iso)).toBe(label);
  });

  it("rejects text that is not a YYYY-MM-DD date", () => {
    expect(() => fyQuarter("31/12/2023")).toThrow(RangeError);
    expect(() => fyQuarter("2023-13-01")).toThrow(RangeError);
  });
});
