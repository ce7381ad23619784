import { blockRange, columnRange, formatRange, parseRangeBounds, quoteSheetName, splitSheetAddress } from "../../../src/core/sheet/addresses";

describe("splitSheetAddress", () => {
  it("separates a bare sheet name", () => {
    expect(splitSheetAddress("Trusts!B2:T40")).toEqual({ sheet: "Trusts", range: "B2:T40" });
  });
  it("unquotes a quoted name with doubled quotes", () => {
    expect(splitSheetAddress("'It''s (2)'!C7")).toEqual({ sheet: "It's (2)", range: "C7" });
  });
  it("gives null sheet when there is none", () => {
    expect(splitSheetAddress("A1")).toEqual({ sheet: null, range: "A1" });
  });
});

describe("parseRangeBounds / formatRange", () => {
  it("reads a range with a sheet and $ signs", () => {
    expect(parseRangeBounds("'My sheet'!$B$2:$T$40")).toEqual({ firstRow: 2, firstCol: 2, lastRow: 40, lastCol: 20 });
  });
  it("reads a single cell", () => {
    expect(parseRangeBounds("AA10")).toEqual({ firstRow: 10, firstCol: 27, lastRow: 10, lastCol: 27 });
  });
  it("normalises reversed corners", () => {
    expect(parseRangeBounds("C5:A1")).toEqual({ firstRow: 1, firstCol: 1, lastRow: 5, lastCol: 3 });
  });
  it("rejects what is not an A1 range", () => {
    expect(parseRangeBounds("C:C")).toBeNull();
    expect(parseRangeBounds("A1:B2:C3")).toBeNull();
  });
  it("formats ranges and single cells", () => {
    expect(formatRange({ firstRow: 2, firstCol: 2, lastRow: 40, lastCol: 20 })).toBe("B2:T40");
    expect(formatRange({ firstRow: 7, firstCol: 3, lastRow: 7, lastCol: 3 })).toBe("C7");
    expect(blockRange(5, 1, 3, 2)).toBe("A5:B7");
    expect(columnRange(28)).toBe("AB:AB");
  });
});

describe("quoteSheetName", () => {
  it("leaves plain names bare", () => {
    expect(quoteSheetName("Trusts")).toBe("Trusts");
  });
  it("quotes names with spaces, brackets or quotes", () => {
    expect(quoteSheetName("Trusts (2)")).toBe("'Trusts (2)'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
  });
  it("quotes names Excel would read as references", () => {
    expect(quoteSheetName("AB12")).toBe("'AB12'");
    expect(quoteSheetName("R1C1")).toBe("'R1C1'");
    expect(quoteSheetName("2023")).toBe("'2023'");
  });
});
