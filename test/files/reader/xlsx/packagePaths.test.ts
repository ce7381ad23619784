/** Relationship targets resolved to part names (ECMA-376 Part 2, 9.3), as producers write them. */
import { relationshipsPartOf, resolveTarget } from "../../../../src/files/reader/xlsx/packagePaths";

describe("resolveTarget", () => {
  it.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet1.xml", "../tables/table1.xml", "xl/tables/table1.xml"],
    ["xl/worksheets/sheet1.xml", "./../tables/./table1.xml", "xl/tables/table1.xml"],
    ["xl/workbook.xml", "worksheets/sheet%201.xml", "xl/worksheets/sheet 1.xml"],
    ["xl/workbook.xml", "worksheets/100%.xml", "xl/worksheets/100%.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["xl/workbook.xml", "..\\..\\..\\xl\\styles.xml", "xl/styles.xml"],
  ])("from %s, %s is %s", (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });
});

describe("relationshipsPartOf", () => {
  it.each([
    ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"],
    ["xl/worksheets/sheet.xml", "xl/worksheets/_rels/sheet.xml.rels"],
    ["", "_rels/.rels"],
  ])("of %s is %s", (part, rels) => {
    expect(relationshipsPartOf(part)).toBe(rels);
  });
});
