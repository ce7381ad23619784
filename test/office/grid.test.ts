import { cellFromExcel, joinRowBlocks, sheetDataFromRange } from "../../src/office/grid";

describe("cellFromExcel", () => {
  it("turns a date-formatted serial into a UTC-midnight Date, dropping the time", () => {
    const cell = cellFromExcel(45291.75, "Double", "dd/mm/yyyy");
    expect(cell).toBeInstanceOf(Date);
    expect((cell as Date).toISOString()).toBe("2023-12-31T00:00:00.000Z");
  });
  it("keeps numbers in non-date formats", () => {
    expect(cellFromExcel(1200000, "Double", "£#,##0")).toBe(1200000);
  });
  it("keeps a date-formatted serial Excel cannot show as a date as a number", () => {
    expect(cellFromExcel(-5, "Double", "dd/mm/yyyy")).toBe(-5);
  });
  it("makes error cells ErrorValues with their code", () => {
    expect(cellFromExcel("#REF!", "Error", "General")).toEqual({ kind: "error", code: "#REF!" });
  });
  it("makes empty cells and empty text null", () => {
    expect(cellFromExcel("", "Empty", "General")).toBeNull();
    expect(cellFromExcel("", "String", "General")).toBeNull();
  });
  it("keeps text and booleans", () => {
    expect(cellFromExcel(" Epic ", "String", "@")).toBe(" Epic ");
    expect(cellFromExcel(true, "Boolean", "General")).toBe(true);
  });
});

describe("sheetDataFromRange", () => {
  it("places the grid at the used range's first row and column", () => {
    const data = sheetDataFromRange("Trusts", {
      address: "Trusts!B3:C4",
      values: [["Trust ODS code", "Go-live date"], ["RYJ", 45000]],
      valueTypes: [["String", "String"], ["String", "Double"]],
      numberFormat: [["General", "General"], ["General", "dd/mm/yyyy"]],
    });
    expect(data.firstRow).toBe(3);
    expect(data.firstCol).toBe(2);
    expect(data.rows[1]?.[0]).toBe("RYJ");
    expect((data.rows[1]?.[1] as Date).toISOString().slice(0, 10)).toBe("2023-03-15");
  });
  it("refuses an address it cannot read", () => {
    expect(() => sheetDataFromRange("X", { address: "X!A:A", values: [], valueTypes: [], numberFormat: [] })).toThrow(/cannot read/);
  });
  it("joins row blocks top to bottom", () => {
    const a = { name: "S", rows: [[1]], firstRow: 2, firstCol: 3 };
    const b = { name: "S", rows: [[2]], firstRow: 3, firstCol: 3 };
    expect(joinRowBlocks("S", [a, b])).toEqual({ name: "S", rows: [[1], [2]], firstRow: 2, firstCol: 3 });
  });
});
