import { quoteSheetName, renameSheetRefs } from "../../../src/core/template/rename";

describe("quoteSheetName", () => {
  it.each([
    ["Trusts", "Trusts"],
    ["Trusts (2)", "'Trusts (2)'"],
    ["Bob's", "'Bob''s'"],
    ["A1", "'A1'"],
    ["R1C1", "'R1C1'"],
    ["2024", "'2024'"],
    ["Sheet_1.x", "Sheet_1.x"],
  ])("%s → %s", (name, quoted) => expect(quoteSheetName(name)).toBe(quoted));
});

describe("renameSheetRefs", () => {
  const names = { Trusts: "Trusts (2)", Calc: "Calc2", Lists: "O'Lists" };

  it("renames bare and quoted references, keeps the rest", () => {
    expect(renameSheetRefs("SUM(Trusts!$P$2:$P$1001)+Calc!A1+Other!B2", names)).toBe("SUM('Trusts (2)'!$P$2:$P$1001)+Calc2!A1+Other!B2");
    expect(renameSheetRefs("='Trusts'!A1", names)).toBe("='Trusts (2)'!A1");
    expect(renameSheetRefs("=Lists!$A$2:$A$8", names)).toBe("='O''Lists'!$A$2:$A$8");
  });

  it("leaves string literals and look-alike names alone", () => {
    expect(renameSheetRefs('IF(A1="Trusts!A1",MyTrusts!A1,Trusts!A1&"it\'s")', names)).toBe('IF(A1="Trusts!A1",MyTrusts!A1,\'Trusts (2)\'!A1&"it\'s")');
    expect(renameSheetRefs('"a""Trusts!"&Trusts!B2', names)).toBe('"a""Trusts!"&\'Trusts (2)\'!B2');
  });

  it("changes nothing without names", () => {
    const f = "IF(AND(TRIM(Trusts!$D2&\"\")=\"Live\"),1,0)";
    expect(renameSheetRefs(f, {})).toBe(f);
  });
});
