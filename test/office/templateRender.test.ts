import { planSheetNames } from "../../src/core/sheet/sheetNames";
import { formulaRuns, relativeForm } from "../../src/office/formulaFill";
import { renderTemplate, widthToPoints, type RenderedSheet } from "../../src/office/templateRender";
import { smallTemplate } from "./templateFixture";

function sheet(sheets: RenderedSheet[], templateName: string): RenderedSheet {
  const found = sheets.find((s) => s.templateName === templateName);
  if (!found) throw new Error(templateName);
  return found;
}

describe("renderTemplate", () => {
  const names = smallTemplate.sheets.map((s) => s.name);

  it("renders cells, formats, table, validations and freeze panes under the template's own names", () => {
    const rendered = renderTemplate(smallTemplate, planSheetNames(names, []), []);
    const trusts = sheet(rendered, "Trusts");
    expect(trusts.name).toBe("Trusts");
    expect(trusts.bold).toEqual(["A1:C1"]);
    expect(trusts.wrap).toEqual(["C1"]);
    expect(trusts.table).toEqual({ name: "TrustsTable", range: "A1:C3" });
    expect(trusts.freeze).toEqual({ rows: 1, cols: 0 });
    expect(trusts.columnWidths).toEqual([{ col: 1, points: widthToPoints(16) }, { col: 2, points: widthToPoints(14) }]);
    expect(trusts.blocks[0]).toEqual({ sheet: "Trusts", row: 2, col: 2, kind: "numberFormat", data: [["dd/mm/yyyy"]], fill: { rows: 2, cols: 1 } });
    expect(trusts.validations).toEqual([
      { range: "A2:A3", rule: { list: { inCellDropDown: true, source: "=Lists!$A$2:$A$4" } }, prompt: "Pick a code" },
      { range: "B2:B3", rule: { date: { operator: "Between", formula1: "1990-01-01", formula2: "2040-12-31" } } },
      { range: "C2:C3", rule: { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } } },
    ]);
    expect(sheet(rendered, "Lists").hidden).toBe(true);
    const lists = sheet(rendered, "Lists");
    // Every text gets the text prefix; a column's consecutive values go as one block.
    expect(lists.blocks).toContainEqual({ sheet: "Lists", row: 1, col: 1, kind: "values", data: [["'Codes"], ["'RYJ"], ["'R1H"], ["'-"]] });
  });

  it("points formulas and dropdown sources at the renamed sheets and tables", () => {
    const plan = planSheetNames(names, ["Trusts", "Lists"]);
    const rendered = renderTemplate(smallTemplate, plan, ["TrustsTable"]);
    const trusts = sheet(rendered, "Trusts");
    expect(trusts.name).toBe("Trusts (2)");
    expect(trusts.table?.name).toBe("TrustsTable_2");
    expect(trusts.validations[0]?.rule).toEqual({ list: { inCellDropDown: true, source: "='Lists (2)'!$A$2:$A$4" } });
    const summary = sheet(rendered, "Summary");
    expect(summary.blocks).toContainEqual({
      sheet: "Summary", row: 1, col: 2, kind: "formulas",
      data: [[`=COUNTA('Trusts (2)'!A2:A3)&" of "&COUNTA(TrustsTable_2[Trust ODS code])`]],
    });
    expect(summary.blocks).toContainEqual({ sheet: "Summary", row: 2, col: 2, kind: "numberFormat", data: [["dd/mm/yyyy"]] });
    expect(summary.blocks).toContainEqual({ sheet: "Summary", row: 2, col: 2, kind: "values", data: [[45291]] });
  });

  it("refuses a plan that lacks a template sheet", () => {
    expect(() => renderTemplate(smallTemplate, { sheets: [] }, [])).toThrow(/plan the template again/);
  });

  it("converts widths in characters to points", () => {
    expect(widthToPoints(8.43)).toBeCloseTo(48, 0);
  });
});

describe("formulaRuns", () => {
  it("joins consecutive rows holding one formula filled down, and only those", () => {
    const cells = [2, 3, 4, 6].map((row) => ({ row, formula: `=IF(Trusts!$A${row}="","row:"&ROW(),B${row}+$O$5)` }));
    cells.push({ row: 5, formula: '=IF(Trusts!$A5="","row:5",B5+$O$5)' });
    expect(formulaRuns(3, cells)).toEqual([
      { first: 2, last: 4, formula: '=IF(Trusts!$A2="","row:"&ROW(),B2+$O$5)' },
      { first: 5, last: 5, formula: '=IF(Trusts!$A5="","row:5",B5+$O$5)' },
      { first: 6, last: 6, formula: '=IF(Trusts!$A6="","row:"&ROW(),B6+$O$5)' },
    ]);
  });

  it("reads references relative to their own cell, leaving text, function names and structured references alone", () => {
    expect(relativeForm('=LOG10(B3)&"A1"&T[[#Headers],[C9]]&$C$1&C$1&$C1', 3, 2)).toBe('=LOG10(R[0]C[0])&"A1"&T[[#Headers],[C9]]&R1C3&R1C[1]&R[-2]C3');
  });
});
