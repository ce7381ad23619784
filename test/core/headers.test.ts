import type { CellValue, SheetData } from "../../src/core/cells";
import { errorValue } from "../../src/core/cells";
import { COLUMNS } from "../../src/core/columns";
import { detectMapping, matchHeader, normalizeHeader } from "../../src/core/headers";

const sheet = (rows: CellValue[][], firstRow = 1, firstCol = 1): SheetData => ({ name: "Trusts", rows, firstRow, firstCol });

describe("normalizeHeader", () => {
  it("ignores case, spaces, punctuation, £, (£) and GBP", () => {
    expect(normalizeHeader("Total cost (£)")).toBe("totalcost");
    expect(normalizeHeader("TOTAL COST GBP")).toBe("totalcost");
    expect(normalizeHeader("total_cost £")).toBe("totalcost");
    expect(normalizeHeader("Go-live date")).toBe("golivedate");
    expect(normalizeHeader("  Trust ODS code. ")).toBe("trustodscode");
  });

  it("only drops GBP as a word of its own", () => {
    expect(normalizeHeader("Cost (GBP)")).toBe("cost");
    expect(normalizeHeader("gbpcost")).toBe("gbpcost");
  });
});

describe("matchHeader", () => {
  it("matches every header and alternative of the column table", () => {
    for (const column of COLUMNS) {
      expect(matchHeader(column.header)).toBe(column.key);
      for (const alternative of column.alternatives) expect(matchHeader(alternative)).toBe(column.key);
    }
  });

  it("has no spelling shared by two columns", () => {
    const owners = new Map<string, string>();
    for (const column of COLUMNS) {
      for (const spelling of [column.header, ...column.alternatives]) {
        const key = normalizeHeader(spelling);
        expect([undefined, column.key]).toContain(owners.get(key));
        owners.set(key, column.key);
      }
    }
  });

  it("matches loosely", () => {
    expect(matchHeader("total cost GBP")).toBe("totalCost");
    expect(matchHeader("NATIONAL FUNDING REQUESTED (£)")).toBe("nationalFunding");
    expect(matchHeader("go live")).toBe("goLiveDate");
    expect(matchHeader("Tender date")).toBe("procurementStartDate");
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "", "???", "Comments please"])("matches nothing for %p", (text) => {
    expect(matchHeader(text)).toBeNull();
  });
});

describe("detectMapping", () => {
  it("finds the header row below title rows", () => {
    const mapping = detectMapping(sheet([
      ["EPR return: North ICS"],
      [],
      ["ODS code", "Trust", null, "Status", "Whatever"],
      ["RYJ", "Imperial", null, "Live", "x"],
    ]));
    expect(mapping.headerRow).toBe(3);
    expect(mapping.headers).toEqual([
      { col: 1, cell: "A3", text: "ODS code", key: "trustCode" },
      { col: 2, cell: "B3", text: "Trust", key: "trustName" },
      { col: 4, cell: "D3", text: "Status", key: "eprStatus" },
      { col: 5, cell: "E3", text: "Whatever", key: null },
    ]);
  });

  it("needs at least 3 cells naming known columns", () => {
    expect(detectMapping(sheet([["Trust code", "Trust name", "Colour"], ["RYJ", "x", "red"]])).headerRow).toBeNull();
    expect(detectMapping(sheet([["Trust code", "Trust name", "Type"]])).headerRow).toBe(1);
  });

  it("looks only at the first 10 rows", () => {
    const rows: CellValue[][] = Array.from({ length: 10 }, () => ["title"]);
    rows.push(["Trust code", "Trust name", "Type"]);
    expect(detectMapping(sheet(rows)).headerRow).toBeNull();
    rows.splice(0, 1);
    expect(detectMapping(sheet(rows)).headerRow).toBe(10);
  });

  it("works on a block that does not start at A1", () => {
    const mapping = detectMapping(sheet([["Trust code", "Trust name", "Type"]], 4, 3));
    expect(mapping.headerRow).toBe(4);
    expect(mapping.headers.map((h) => h.cell)).toEqual(["C4", "D4", "E4"]);
  });

  it("is not fooled by __proto__ or constructor headers", () => {
    const mapping = detectMapping(sheet([["__proto__", "constructor", "Trust code"], ["Trust code", "__proto__", "Trust name", "constructor", "Type"]]));
    expect(mapping.headerRow).toBe(2);
    expect(mapping.headers.map((h) => h.key)).toEqual(["trustCode", null, "trustName", null, "trustType"]);
  });

  it("shows numbers and errors in header cells as text", () => {
    const mapping = detectMapping(sheet([["Trust code", 2024, errorValue("#REF!"), "Trust name", "Type"]]));
    expect(mapping.headers.map((h) => h.text)).toEqual(["Trust code", "2024", "#REF!", "Trust name", "Type"]);
  });
});

describe("the add-in's own extra columns", () => {
  it("reads Source as nothing and draws no unknown_column warning", () => {
    const { validateSheet } = jest.requireActual<typeof import("../../src/core/validate")>("../../src/core/validate");
    const rows = [["Trust ODS code", "Trust name", "Trust type", "EPR status", "Source", "RAG"], ["RZ1", "One", "Acute", "No EPR", "a.xlsx › Trusts › row 2", "Red"]];
    const result = validateSheet({ name: "Trusts", rows, firstRow: 1, firstCol: 1 }, { submitted: "2023-11-15" });
    const unknown = result.issues.filter((i) => i.code === "unknown_column").map((i) => i.value);
    expect(unknown).toEqual(["RAG"]);
  });
});
