import ExcelJS from "exceljs";
import { buildTemplate } from "../../src/core/template/build";
import { templateWorkbook, writeTemplate } from "../../src/files/writeTemplate";
import { loadExcelJs } from "../helpers/excelJsModel";

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadExcelJs(new Uint8Array(await wb.xlsx.writeBuffer()));
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describe("templateWorkbook", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await reload(templateWorkbook());
  });

  it("writes the sheets in order with their visibility", () => {
    expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ["Guidance", "visible"],
      ["ICS", "visible"],
      ["Trusts", "visible"],
      ["Lists", "hidden"],
      ["Summary", "visible"],
      ["Calc", "hidden"],
    ]);
  });

  it("makes Trusts an Excel table with the headers, bold, frozen below row 1", () => {
    const trusts = sheet(wb, "Trusts");
    const table = trusts.getTable("Trusts");
    expect(table).toBeDefined();
    expect(trusts.getCell("A1").value).toBe("Trust ODS code");
    expect(trusts.getCell("T1").value).toBe("Notes");
    expect(trusts.getCell("A1").font?.bold).toBe(true);
    expect(trusts.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
  });

  it("writes dropdowns that point at Lists, and date/number validations, down to row 1001", () => {
    const trusts = sheet(wb, "Trusts");
    expect(trusts.getCell("E1001").dataValidation).toMatchObject({ type: "list", formulae: ["Lists!$F$2:$F$16"] });
    expect(trusts.getCell("D2").dataValidation).toMatchObject({ type: "list", formulae: ["Lists!$B$2:$B$6"] });
    expect(trusts.getCell("E1002").dataValidation).toBeUndefined();
    const date = trusts.getCell("G500").dataValidation;
    expect(date?.type).toBe("date");
    expect(date?.formulae.map((d: Date) => d.toISOString().slice(0, 10))).toEqual(["1990-01-01", "2040-12-31"]);
    expect(trusts.getCell("P2").dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
    expect(trusts.getCell("S2").dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    expect(trusts.getCell("G2").numFmt).toBe("dd/mm/yyyy");
    expect(sheet(wb, "ICS").getCell("B6").dataValidation).toMatchObject({ type: "list", formulae: ["Lists!$G$2:$G$3"] });
  });

  it("writes Summary formulas and formats", () => {
    const summary = sheet(wb, "Summary");
    expect(summary.getCell("A1").value).toBe("Trusts");
    expect(summary.getCell("B1").value).toMatchObject({ formula: "SUM(Calc!$A$2:$A$1001)" });
    expect(summary.getCell("B10").numFmt).toBe("dd/mm/yyyy");
    expect(sheet(wb, "Lists").getCell("H2").numFmt).toBe("dd/mm/yyyy");
  });
});

describe("writeTemplate calculation", () => {
  it("asks the spreadsheet program to calculate every formula on opening (exceljs stores no results)", () => {
    expect(templateWorkbook().calcProperties.fullCalcOnLoad).toBe(true);
  });
});

describe("writeTemplate with other sheet names", () => {
  it("rewrites formulas and dropdown sources to the names given, keeping existing sheets", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Trusts").getCell("A1").value = "the user's own sheet";
    wb.addWorksheet("Lists");
    const names = { Trusts: "Trusts (2)", Lists: "Lists 2", Summary: "EPR Summary" };
    writeTemplate(wb, buildTemplate(), names);
    const back = await reload(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Trusts", "Lists", "Guidance", "ICS", "Trusts (2)", "Lists 2", "EPR Summary", "Calc"]);
    expect(sheet(back, "Trusts").getCell("A1").value).toBe("the user's own sheet");
    expect(sheet(back, "Trusts (2)").getCell("E2").dataValidation).toMatchObject({ formulae: ["'Lists 2'!$F$2:$F$16"] });
    expect(sheet(back, "EPR Summary").getCell("B16").value).toMatchObject({ formula: "SUM('Trusts (2)'!$P$2:$P$1001)" });
    const calcA2 = sheet(back, "Calc").getCell("A2").value;
    expect(calcA2).toMatchObject({ formula: "IF(COUNTA('Trusts (2)'!$A2:$T2)>0,1,0)" });
    expect(sheet(back, "Trusts (2)").getTables()).toHaveLength(1);
  });

  it("gives the table another name when one named Trusts exists", () => {
    const wb = new ExcelJS.Workbook();
    const own = wb.addWorksheet("Mine");
    own.addTable({ name: "Trusts", ref: "A1", columns: [{ name: "x" }], rows: [[1]] });
    writeTemplate(wb, buildTemplate(), { Trusts: "Trusts (2)" });
    expect(sheet(wb, "Trusts (2)").getTable("Trusts_2")).toBeDefined();
  });
});
