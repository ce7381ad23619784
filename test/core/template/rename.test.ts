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

const renames = { Trusts: "Trusts (2)", Lists: "Lists (2)", ICS: "ICS_Data" };

describe("renameSheetRefs (cases shared with the Office.js template rendering)", () => {
  it("rewrites bare references, quoting where needed", () => {
    expect(renameSheetRefs("SUM(Trusts!P2:P1001)", renames)).toBe("SUM('Trusts (2)'!P2:P1001)");
    expect(renameSheetRefs("ICS!B7", renames)).toBe("ICS_Data!B7");
  });
  it("rewrites quoted references and ignores case as Excel does", () => {
    expect(renameSheetRefs("'Trusts'!A1+trusts!B2", renames)).toBe("'Trusts (2)'!A1+'Trusts (2)'!B2");
  });
  it("never touches string literals, including escaped quotes", () => {
    const formula = 'COUNTIF(Trusts!D2:D1001,"Trusts!D2")&"say ""Lists!A1"""';
    expect(renameSheetRefs(formula, renames)).toBe(`COUNTIF('Trusts (2)'!D2:D1001,"Trusts!D2")&"say ""Lists!A1"""`);
  });
  it("leaves other sheets and longer names containing a renamed one alone", () => {
    expect(renameSheetRefs("MyTrusts!A1+Trusts2!A1+'Other Trusts'!A1", renames)).toBe("MyTrusts!A1+Trusts2!A1+'Other Trusts'!A1");
  });
  it("does not rewrite a name twice when renames chain", () => {
    const chain = { Alpha: "Beta", Beta: "Gamma" };
    expect(renameSheetRefs("Alpha!A1+Beta!A1", chain)).toBe("Beta!A1+Gamma!A1");
  });
  it("handles the dropdown source form", () => {
    expect(renameSheetRefs("=Lists!$A$2:$A$8", renames)).toBe("='Lists (2)'!$A$2:$A$8");
  });
});

