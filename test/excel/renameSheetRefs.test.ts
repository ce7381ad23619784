import { renameSheetRefs, renameTableRefs } from "../../src/excel/renameSheetRefs";

const renames = new Map([["Trusts", "Trusts (2)"], ["Lists", "Lists (2)"], ["ICS", "ICS_Data"]]);

describe("renameSheetRefs", () => {
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
    const chain = new Map([["Alpha", "Beta"], ["Beta", "Gamma"]]);
    expect(renameSheetRefs("Alpha!A1+Beta!A1", chain)).toBe("Beta!A1+Gamma!A1");
  });
  it("handles the dropdown source form", () => {
    expect(renameSheetRefs("=Lists!$A$2:$A$8", renames)).toBe("='Lists (2)'!$A$2:$A$8");
  });
});

describe("renameTableRefs", () => {
  it("rewrites structured references only", () => {
    const tables = new Map([["TrustsTable", "TrustsTable_2"]]);
    expect(renameTableRefs('SUM(TrustsTable[Beds])&"TrustsTable[Beds]"', tables)).toBe('SUM(TrustsTable_2[Beds])&"TrustsTable[Beds]"');
    expect(renameTableRefs("MyTrustsTable[Beds]", tables)).toBe("MyTrustsTable[Beds]");
  });
});
