import { renameTableRefs } from "../../src/office/renameTableRefs";

describe("renameTableRefs", () => {
  it("rewrites structured references only", () => {
    const tables = new Map([["TrustsTable", "TrustsTable_2"]]);
    expect(renameTableRefs('SUM(TrustsTable[Beds])&"TrustsTable[Beds]"', tables)).toBe('SUM(TrustsTable_2[Beds])&"TrustsTable[Beds]"');
    expect(renameTableRefs("MyTrustsTable[Beds]", tables)).toBe("MyTrustsTable[Beds]");
  });
});
