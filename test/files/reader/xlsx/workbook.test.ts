/**
 * The .xlsx reader on packages: finding parts (absolute targets, odd part names, any case),
 * sheets and their states, choosing sheets to read, defined names, what the file holds beyond
 * values, and files that are not readable workbooks.
 */
import type { SheetInfo } from "../../../../src/app/gateway";
import { strToU8 } from "fflate";
import { WorkbookReadError } from "../../../../src/files/errors";
import { readXlsx } from "../../../../src/files/reader/xlsx";
import { buildXlsx, MAIN_NS, oneSheet, workbookParts, worksheetXml, zipParts, type WorkbookSpec } from "./buildXlsx";

const cell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const sheetWith = (text: string): string => worksheetXml(`<row r="1">${cell("A1", text)}</row>`);

const THREE_SHEETS: WorkbookSpec = {
  sheets: [
    { name: "Trusts", xml: sheetWith("trusts") },
    { name: "Lists", xml: sheetWith("lists"), state: "hidden" },
    { name: "Secret", xml: sheetWith("secret"), state: "veryHidden" },
  ],
};

describe("readXlsx: the package", () => {
  it("lists every sheet in order with its state", async () => {
    const workbook = await readXlsx(buildXlsx(THREE_SHEETS));
    expect(workbook.format).toBe("xlsx");
    expect(workbook.sheets.map((s) => [s.name, s.state, s.grid?.rows])).toEqual([
      ["Trusts", "visible", [["trusts"]]],
      ["Lists", "hidden", [["lists"]]],
      ["Secret", "veryHidden", [["secret"]]],
    ]);
  });

  it("finds parts through absolute relationship targets, as the Open XML SDK writes them", async () => {
    const workbook = await readXlsx(buildXlsx({ ...THREE_SHEETS, absoluteTargets: true, sharedStrings: ["shared"] }));
    expect(workbook.sheets[0]?.grid?.rows).toEqual([["trusts"]]);
    const parts = workbookParts({ sheets: [{ name: "S", xml: worksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`) }], absoluteTargets: true, sharedStrings: ["shared"] });
    expect((await readXlsx(zipParts(parts))).sheets[0]?.grid?.rows).toEqual([["shared"]]);
  });

  it("finds a worksheet whatever its part is named, and part names in any case", async () => {
    const workbook = await readXlsx(buildXlsx({ sheets: [{ name: "Only", xml: sheetWith("found"), part: "xl/worksheets/sheet.xml" }] }));
    expect(workbook.sheets[0]?.grid?.rows).toEqual([["found"]]);
    const parts = workbookParts({ sheets: [{ name: "Odd", xml: sheetWith("any case") }] });
    parts["XL/Worksheets/Sheet1.XML"] = parts["xl/worksheets/sheet1.xml"] as string;
    delete parts["xl/worksheets/sheet1.xml"];
    expect((await readXlsx(zipParts(parts))).sheets[0]?.grid?.rows).toEqual([["any case"]]);
  });

  it("reads parts written in UTF-16 (with its byte-order mark) and UTF-8 with one", async () => {
    const utf16le = (text: string): Uint8Array => {
      const bytes = new Uint8Array(2 + 2 * text.length);
      bytes.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) {
        bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
        bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
      }
      return bytes;
    };
    const parts = workbookParts({ sheets: [{ name: "S", xml: sheetWith("Zoë’s trust") }] });
    parts["xl/worksheets/sheet1.xml"] = utf16le((parts["xl/worksheets/sheet1.xml"] as string).replace('encoding="UTF-8"', 'encoding="UTF-16"'));
    parts["xl/workbook.xml"] = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(parts["xl/workbook.xml"] as string)]);
    expect((await readXlsx(zipParts(parts))).sheets[0]?.grid?.rows).toEqual([["Zoë’s trust"]]);
  });

  it("finds the workbook without a package relationship where Excel puts it", async () => {
    const parts = workbookParts(THREE_SHEETS);
    delete parts["_rels/.rels"];
    expect((await readXlsx(zipParts(parts))).sheets).toHaveLength(3);
  });

  it("reads only the sheets chosen; the others are listed with grid null and their parts are not parsed", async () => {
    // The unchosen sheet's part is not even XML: reading it would refuse the file.
    const spec: WorkbookSpec = { sheets: [{ name: "Trusts", xml: sheetWith("trusts") }, { name: "Broken", xml: "<worksheet><sheetData><row>" }] };
    let offered: readonly SheetInfo[] = [];
    const workbook = await readXlsx(buildXlsx(spec), {
      sheetsToRead: (sheets) => {
        offered = sheets;
        return new Set(["Trusts"]);
      },
    });
    expect(offered).toEqual([{ name: "Trusts", visible: true }, { name: "Broken", visible: true }]);
    expect(workbook.sheets.map((s) => [s.name, s.grid === null])).toEqual([["Trusts", false], ["Broken", true]]);
    await expect(readXlsx(buildXlsx(spec))).rejects.toThrow(/truncated or damaged \.xlsx \(the part "xl\/worksheets\/sheet2\.xml" is not well-formed XML/);
  });

  it("reads no shared strings or styles when no sheet is chosen", async () => {
    const workbook = await readXlsx(buildXlsx({ ...THREE_SHEETS, sharedStrings: "<sst><si>", styles: "<styleSheet>" }), { sheetsToRead: () => new Set() });
    expect(workbook.sheets.every((s) => s.grid === null)).toBe(true);
  });

  it("reads defined names with the sheet they are local to", async () => {
    const names = `<definedNames><definedName name="Codes">Trusts!$A$2:$A$100</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">Lists!$A$1:$B$2</definedName></definedNames>`;
    const workbook = await readXlsx(buildXlsx({ ...THREE_SHEETS, afterSheets: names }));
    expect(workbook.definedNames).toEqual([
      { name: "Codes", sheet: null, formula: "Trusts!$A$2:$A$100" },
      { name: "_xlnm.Print_Area", sheet: "Lists", formula: "Lists!$A$1:$B$2" },
    ]);
    expect(workbook.beyondValues).toContain("defined names");
  });

  it("names what the file holds beyond values, from part names and the sheets read", async () => {
    const after = `<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="list" sqref="A2"><formula1>"a,b"</formula1></dataValidation></dataValidations><hyperlinks><hyperlink ref="A1" r:id="rId9"/></hyperlinks>`;
    const spec: WorkbookSpec = {
      sheets: [{ name: "S", xml: worksheetXml(`<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>`, after) }],
      styles: `<styleSheet xmlns="${MAIN_NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="3"/></cellXfs></styleSheet>`,
      extraParts: {
        "xl/media/image1.png": new Uint8Array([1, 2, 3]),
        "xl/charts/chart1.xml": "<c:chartSpace/>",
        "xl/comments1.xml": "<comments/>",
        "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
        "xl/vbaProject.bin": new Uint8Array([0]),
        "xl/externalLinks/externalLink1.xml": "<externalLink/>",
        "xl/tables/table9.xml": "<table/>",
      },
    };
    expect((await readXlsx(buildXlsx(spec))).beyondValues).toEqual([
      "formulas",
      "cell formatting",
      "merged cells",
      "data validation",
      "conditional formatting",
      "hyperlinks",
      "tables",
      "charts",
      "images",
      "comments",
      "pivot tables",
      "macros",
      "external links",
    ]);
    expect((await readXlsx(buildXlsx(THREE_SHEETS))).beyondValues).toEqual([]);
  });
});

describe("readXlsx: files it refuses", () => {
  async function refusal(bytes: Uint8Array): Promise<string> {
    try {
      await readXlsx(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookReadError);
      const message = (error as Error).message;
      expect(message.split("\n")).toHaveLength(1);
      return message;
    }
    throw new Error("read without complaint");
  }

  it("refuses a truncated workbook, and bytes that are no zip", async () => {
    const whole = buildXlsx(THREE_SHEETS);
    expect(await refusal(whole.slice(0, Math.floor(whole.length / 2)))).toMatch(/^truncated or damaged \.xlsx \(the zip (archive cannot be read|directory at its end is missing)\)$/);
    expect(await refusal(strToU8("PK\u0003\u0004 not really a zip"))).toMatch(/^truncated or damaged \.xlsx \(the zip (archive cannot be read|directory at its end is missing)\)$/);
  });

  it("refuses a zip without a workbook part, and says what a binary workbook is", async () => {
    expect(await refusal(zipParts({ "word/document.xml": "<w:document/>" }))).toBe("not an .xlsx workbook (no workbook part)");
    expect(await refusal(zipParts({ "xl/workbook.bin": new Uint8Array([1]) }))).toMatch(/binary \.xlsb/);
  });

  it("refuses a part that declares a DOCTYPE, so no entity is ever expanded", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;&lol;</t></is></c></row></sheetData></worksheet>`;
    expect(await refusal(buildXlsx({ sheets: [{ name: "S", xml: xxe }] }))).toMatch(/^refused: the part "xl\/worksheets\/sheet1\.xml" has a DOCTYPE declaration/);
    const parts = workbookParts(THREE_SHEETS);
    const lol = `<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`;
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace("?>", `?>${lol}`);
    expect(await refusal(zipParts(parts))).toMatch(/^refused: the part "xl\/workbook\.xml" has a DOCTYPE declaration/);
  });

  it("refuses an undeclared entity as damaged XML", async () => {
    expect(await refusal(oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`))).toMatch(/^truncated or damaged \.xlsx \(the part "xl\/worksheets\/sheet1\.xml" is not well-formed XML/);
  });

  it("refuses a sheet whose worksheet part is missing, when it is read", async () => {
    const parts = workbookParts(THREE_SHEETS);
    delete parts["xl/worksheets/sheet2.xml"];
    expect(await refusal(zipParts(parts))).toBe('truncated or damaged .xlsx (the sheet "Lists" has no worksheet part)');
    const workbook = await readXlsx(zipParts(parts), { sheetsToRead: () => new Set(["Trusts"]) });
    expect(workbook.sheets[0]?.grid?.rows).toEqual([["trusts"]]);
  });

  it("refuses an encrypted zip entry and an unknown compression method", async () => {
    const bytes = buildXlsx(THREE_SHEETS);
    const flagged = bytes.slice();
    const view = new DataView(flagged.buffer);
    for (let at = 0; at + 4 < flagged.length; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    expect(await refusal(flagged)).toMatch(/^not readable: the zip entry ".*" is encrypted/);
    const method = bytes.slice();
    const methodView = new DataView(method.buffer);
    for (let at = 0; at + 4 < method.length; at++) if (methodView.getUint32(at, true) === 0x02014b50) methodView.setUint16(at + 10, 12, true);
    expect(await refusal(method)).toMatch(/^truncated or damaged \.xlsx \(the zip entry ".*" uses compression method 12/);
  });

  it("quotes at most 200 characters of a name from the file", async () => {
    const parts = workbookParts({ sheets: [{ name: "x".repeat(250), xml: sheetWith("a") }] });
    delete parts["xl/worksheets/sheet1.xml"];
    const message = await refusal(zipParts(parts));
    expect(message).toBe(`truncated or damaged .xlsx (the sheet "${"x".repeat(200)}…" has no worksheet part)`);
  });
});
