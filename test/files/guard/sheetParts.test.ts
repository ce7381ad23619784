/** Leaving out the sheets a command does not read (preflightXlsx's sheetsToRead; src/files/guard/sheetParts.ts). */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { preflightXlsx } from "../../../src/files/guard";
import { listedSheets, partsToLeaveOut } from "../../../src/files/guard/sheetParts";
import { nodeInflateRaw } from "../../../src/files/nodeFile";
import { loadWithExcelJs } from "./build";

const RELS = `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Target="worksheets/sheet3.xml"/></Relationships>`;

describe("listedSheets", () => {
  it("gives each sheet of workbook.xml, in order, with the part exceljs reads it from", () => {
    const xml = `<workbook><sheets><sheet name="Guidance" sheetId="1" r:id="rId1"/><sheet name="Trusts" sheetId="2" r:id="rId2"/><sheet name="Calc" sheetId="3" state="hidden" r:id="rId9"/></sheets></workbook>`;
    expect(listedSheets(xml, RELS)).toEqual([
      { name: "Guidance", part: "xl/worksheets/sheet1.xml" },
      { name: "Trusts", part: "xl/worksheets/sheet2.xml" },
      { name: "Calc", part: null },
    ]);
  });

  it("gives up (null) on names exceljs might read otherwise: entities, line breaks", () => {
    expect(listedSheets(`<sheets><sheet name="R&amp;D" r:id="rId1"/></sheets>`, RELS)).toBeNull();
    expect(listedSheets(`<sheets><sheet name="Trusts"\n r:id="rId1"/></sheets>`, RELS)).toBeNull();
  });
});

describe("partsToLeaveOut", () => {
  it("leaves out the parts of other sheets, but never one a kept sheet also uses", () => {
    const sheets = [
      { name: "Trusts", part: "xl/worksheets/sheet1.xml" },
      { name: "Copy", part: "xl/worksheets/sheet1.xml" },
      { name: "Calc", part: "xl/worksheets/sheet2.xml" },
      { name: "Broken", part: null },
    ];
    expect([...partsToLeaveOut(sheets, new Set(["Trusts", "ICS"]))]).toEqual(["xl/worksheets/sheet2.xml"]);
  });
});

async function templateLike(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const name of ["Guidance", "ICS", "Trusts", "Calc"]) workbook.addWorksheet(name).addRow([name, 1, 2]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("preflightXlsx with sheetsToRead", () => {
  it("hands the callback the sheet names and leaves the other sheets' parts out, so exceljs loads only the kept ones", async () => {
    const bytes = await templateLike();
    const seen: string[][] = [];
    for (const options of [{}, { inflateRaw: nodeInflateRaw }]) {
      const out = await preflightXlsx(bytes, undefined, { ...options, sheetsToRead: (names) => (seen.push([...names]), new Set(["Trusts", "ICS"])) });
      const workbook = await loadWithExcelJs(out);
      expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["ICS", "Trusts"]);
      expect(workbook.getWorksheet("Trusts")?.getCell("A1").value).toBe("Trusts");
      const parts = Object.keys((await JSZip.loadAsync(out)).files).filter((name) => name.startsWith("xl/worksheets/sheet"));
      expect(parts).toHaveLength(2);
    }
    expect(seen).toEqual([["Guidance", "ICS", "Trusts", "Calc"], ["Guidance", "ICS", "Trusts", "Calc"]]);
  });

  it("returns the input itself when the callback keeps every sheet (null)", async () => {
    const bytes = await templateLike();
    await expect(preflightXlsx(bytes, undefined, { inflateRaw: nodeInflateRaw, sheetsToRead: () => null })).resolves.toBe(bytes);
  });
});
