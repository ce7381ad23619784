import ExcelJS from "exceljs";
import { templateWorkbook } from "../../src/files/writeTemplate";
import { writeIcsDetails, writeTrustsTable } from "../../src/files/writeRows";
import { sheetToGrid } from "../../src/files/read";
import { loadExcelJs } from "../helpers/excelJsModel";

describe("filling the template", () => {
  it("grows the Trusts table over the written rows and keeps the headers", async () => {
    const wb = templateWorkbook();
    const date = new Date(Date.UTC(2020, 0, 31));
    writeTrustsTable(wb, [
      ["RZ1", "One", "Acute", "Live", "Epic", null, date],
      ["RZ2", "Two", "Community", "No EPR"],
      ["RZ3", "Three", "Acute", "Live", "TPP", null, date],
    ]);
    writeIcsDetails(wb, { icsName: "Test ICS", icbCode: "QZ1", contactName: null, contactEmail: null, submissionDate: "2023-11-15", targetProfile: "mar-2026" });
    const again = await loadExcelJs(new Uint8Array(await wb.xlsx.writeBuffer()));
    const trusts = again.getWorksheet("Trusts");
    if (!trusts) throw new Error("no Trusts");
    const grid = sheetToGrid(trusts);
    expect(grid.rows[0]?.[0]).toBe("Trust ODS code");
    expect(grid.rows.slice(1).map((r) => r[0])).toEqual(["RZ1", "RZ2", "RZ3"]);
    expect(grid.rows[1]?.[6]).toEqual(date);
    const table = trusts.getTable("Trusts") as unknown as { table: { tableRef?: string; ref?: string } };
    expect(table.table.tableRef ?? "").toBe("A1:T4");
    const ics = again.getWorksheet("ICS");
    expect(ics?.getCell("B1").value).toBe("Test ICS");
    expect(ics?.getCell("B6").value).toBe("mar-2026");
  });

  it("refuses a workbook without the sheet", () => {
    expect(() => writeTrustsTable(new ExcelJS.Workbook(), [])).toThrow('no sheet named "Trusts"');
  });
});
