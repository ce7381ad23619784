import { planSheetNames } from "../../src/core/sheet/sheetNames";
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
    expect(trusts.blocks[0]).toEqual({ sheet: "Trusts", row: 2, col: 2, kind: "numberFormat", data: [["dd/mm/yyyy"], ["dd/mm/yyyy"]] });
    expect(trusts.validations).toEqual([
      { range: "A2:A3", rule: { list: { inCellDropDown: true, source: "=Lists!$A$2:$A$4" } }, prompt: "Pick a code" },
      { range: "B2:B3", rule: { date: { operator: "Between", formula1: "1990-01-01", formula2: "2040-12-31" } } },
      { range: "C2:C3", rule: { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } } },
    ]);
    expect(sheet(rendered, "Lists").hidden).toBe(true);
    const lists = sheet(rendered, "Lists");
    expect(lists.blocks).toContainEqual({ sheet: "Lists", row: 4, col: 1, kind: "values", data: [["'-"]] });
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
