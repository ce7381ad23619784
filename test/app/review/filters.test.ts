import { columnFilterId, columnOptions, filterIssues, isFiltered, NO_FILTER } from "../../../src/app/review/filters";
import type { ColumnMapping } from "../../../src/core/results";
import { issue } from "./issues";

const mapping: ColumnMapping = {
  headerRow: 3,
  headers: [
    { col: 1, cell: "A3", text: "Org code", key: "trustCode" },
    { col: 5, cell: "E3", text: "Vendor", key: "supplier" },
    // A second header for the supplier: the first is the one read (and named).
    { col: 6, cell: "F3", text: "Supplier", key: "supplier" },
    { col: 21, cell: "U3", text: "RAG", key: null },
  ],
};

const issues = [
  issue({ sheet: "ICS", cell: "B5", column: null, code: "invalid_date" }),
  issue({ cell: "U3", row: 3, column: null, code: "unknown_column", severity: "warning" }),
  issue({ cell: "A3", row: 3, column: "plan", code: "missing_column" }),
  issue({ cell: "E4", row: 4, column: "supplier", code: "non_canonical", severity: "warning" }),
  issue({ cell: "E5", row: 5, column: "supplier", code: "required" }),
  issue({ cell: "A4", row: 4, column: "trustCode", code: "non_canonical", severity: "warning" }),
];

describe("filters", () => {
  it("names each column as the sheet heads it, in sheet order, with its count; other sheets and the header row first, missing columns last", () => {
    expect(columnOptions(issues, "Trusts", mapping)).toEqual([
      { id: "sheet:ICS", label: "ICS sheet", count: 1 },
      { id: "headers", label: "Header row", count: 1 },
      { id: "column:trustCode", label: "Org code (A)", count: 1 },
      { id: "column:supplier", label: "Vendor (E)", count: 2 },
      { id: "column:plan", label: "Convergence plan (missing)", count: 1 },
    ]);
  });

  it("filters by severity, kind and column together", () => {
    expect(filterIssues(issues, { severity: "warning", code: null, column: null }, "Trusts").map((i) => i.cell)).toEqual(["U3", "E4", "A4"]);
    expect(filterIssues(issues, { severity: null, code: "non_canonical", column: "column:supplier" }, "Trusts").map((i) => i.cell)).toEqual(["E4"]);
    expect(filterIssues(issues, { severity: "error", code: null, column: "sheet:ICS" }, "Trusts").map((i) => i.cell)).toEqual(["B5"]);
    expect(filterIssues(issues, NO_FILTER, "Trusts")).toEqual(issues);
  });

  it("says whether any filter is on", () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, column: "headers" })).toBe(true);
  });

  it("puts an issue naming no column under its sheet or the header row", () => {
    expect(columnFilterId(issue({ sheet: "ICS", column: null }), "Trusts")).toBe("sheet:ICS");
    expect(columnFilterId(issue({ column: null }), "Trusts")).toBe("headers");
    expect(columnFilterId(issue({ column: "beds" }), "Trusts")).toBe("column:beds");
  });
});
