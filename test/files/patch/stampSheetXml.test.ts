/**
 * What the stamp sheet holds reads back exactly (checked with saxes, an XML parser independent of the code under
 * test), and the workbook part is edited correctly whatever namespace prefixes the producer chose.
 */
import { strToU8, zipSync } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { addStampSheet } from "../../../src/files/patch";
import { text } from "./zipCompare";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;

interface Book {
  readonly workbookPart?: string;
  readonly workbook: string;
  readonly relationships?: string;
  readonly rootType?: string;
}

/** A one-sheet workbook around the given workbook part. */
function book({ workbookPart = "xl/workbook.xml", workbook, relationships = R, rootType = `${R}/officeDocument` }: Book): Uint8Array {
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const file = workbookPart.slice(folder.length);
  return zipSync({
    "[Content_Types].xml": strToU8(TYPES),
    "_rels/.rels": strToU8(`<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${rootType}" Target="/${workbookPart}"/></Relationships>`),
    [workbookPart]: strToU8(workbook),
    [`${folder}_rels/${file}.rels`]: strToU8(`<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    [`${folder}worksheets/sheet1.xml`]: strToU8(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`),
  });
}

interface SheetElement {
  readonly namespace: string;
  readonly attributes: Record<string, string>;
}

/** Every element named sheet, with its namespace and its attributes keyed {namespace}local, as saxes resolves them. */
function sheetElements(xml: string): SheetElement[] {
  const found: SheetElement[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag: SaxesTagNS) => {
    if (tag.local !== "sheet") return;
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.prefix !== "xmlns" && a.name !== "xmlns") attributes[a.uri ? `{${a.uri}}${a.local}` : a.local] = a.value;
    found.push({ namespace: tag.uri, attributes });
  });
  parser.write(xml).close();
  return found;
}

describe("the workbook part, whatever its prefixes", () => {
  it.each([
    ["a prefixed SpreadsheetML namespace (<x:sheets>)", `<x:workbook xmlns:x="${MAIN}" xmlns:r="${R}"><x:sheets><x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`, `<x:sheet name="_epr_stamp" sheetId="2" state="veryHidden" r:id="rId2"/></x:sheets>`],
    ["the relationships namespace under another prefix", `<workbook xmlns="${MAIN}" xmlns:rel="${R}"><sheets><sheet name="Data" sheetId="7" rel:id="rId1"/></sheets></workbook>`, `<sheet name="_epr_stamp" sheetId="8" state="veryHidden" rel:id="rId2"/></sheets>`],
    ["the relationships namespace declared on each sheet only", `<workbook xmlns="${MAIN}"><sheets><sheet xmlns:q="${R}" name="Data" sheetId="1" q:id="rId1"/></sheets></workbook>`, `<sheet name="_epr_stamp" sheetId="2" state="veryHidden" xmlns:r="${R}" r:id="rId2"/></sheets>`],
    ["comments and a CDATA section that mention </sheets>", `<workbook xmlns="${MAIN}" xmlns:r="${R}"><!-- </sheets> --><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets><extLst><ext uri="x"><![CDATA[</sheets>]]></ext></extLst></workbook>`, `<sheet name="_epr_stamp" sheetId="2" state="veryHidden" r:id="rId2"/></sheets><extLst>`],
  ])("%s", (_, workbook, expected) => {
    const stamped = addStampSheet(book({ workbook }), [["x"]]);
    const xml = text(stamped, "xl/workbook.xml");
    expect(xml).toContain(expected);
    const sheets = sheetElements(xml);
    expect(sheets).toHaveLength(2);
    expect(sheets[1]).toEqual({ namespace: MAIN, attributes: { name: "_epr_stamp", sheetId: expect.any(String), state: "veryHidden", [`{${R}}id`]: "rId2" } });
  });

  it("in a strict workbook, uses the strict namespaces", () => {
    const workbook = `<workbook xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const stamped = addStampSheet(book({ workbook, relationships: STRICT_R, rootType: `${STRICT_R}/officeDocument` }), [["x"]]);
    expect(text(stamped, "xl/_rels/workbook.xml.rels")).toContain(`<Relationship Id="rId2" Type="${STRICT_R}/worksheet" Target="worksheets/sheet2.xml"/>`);
    expect(text(stamped, "xl/worksheets/sheet2.xml")).toContain(`<worksheet xmlns="${STRICT_MAIN}">`);
  });

  it("finds the workbook part where the package's relationships say it is", () => {
    const workbook = `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const stamped = addStampSheet(book({ workbookPart: "book/main.xml", workbook }), [["x"]]);
    expect(text(stamped, "book/_rels/main.xml.rels")).toContain('Target="worksheets/sheet2.xml"');
    expect(text(stamped, "book/worksheets/sheet2.xml")).toContain("<sheetData>");
    expect(text(stamped, "[Content_Types].xml")).toContain('<Override PartName="/book/worksheets/sheet2.xml"');
  });

  it("renames a stamp sheet in other letter case and hides it again, keeping its place and its id", () => {
    const workbook = `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="_EPR_Stamp" sheetId="1" state="visible" r:id="rId1"/></sheets></workbook>`;
    const stamped = addStampSheet(book({ workbook }), [["x"]]);
    expect(text(stamped, "xl/workbook.xml")).toBe(workbook.replace(`name="_EPR_Stamp" sheetId="1" state="visible"`, `name="_epr_stamp" sheetId="1" state="veryHidden"`));
    expect(text(stamped, "xl/worksheets/sheet1.xml")).toContain("<t xml:space=\"preserve\">x</t>");
  });
});

type Cell = string | number | null;

/** The stamp sheet's cells as saxes reads them, `_xHHHH_` escapes decoded as Excel decodes them. */
function readCells(xml: string): Map<string, string | number> {
  const cells = new Map<string, string | number>();
  const parser = new SaxesParser();
  let ref = "";
  let type = "";
  let inValue = false;
  let content = "";
  parser.on("opentag", (tag) => {
    if (tag.name === "c") {
      ref = String(tag.attributes["r"]);
      type = String(tag.attributes["t"] ?? "n");
      content = "";
    } else if (tag.name === "v" || tag.name === "t") inValue = true;
  });
  parser.on("text", (t) => {
    if (inValue) content += t;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "v" || tag.name === "t") inValue = false;
    if (tag.name === "c") cells.set(ref, type === "inlineStr" ? content.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : Number(content));
  });
  parser.write(xml).close();
  return cells;
}

describe("the stamp sheet's values", () => {
  const rows: Cell[][] = [
    ["plain", "  spaced  ", `a&b<c>d"e'f`],
    ["line1\nline2", "cr\r\nlf", "tab\there"],
    ["_x0041_ stays literal", "\u0001control\u001f", "emoji 😀, é, 中"],
    ["lone \uD800 surrogate", "]]> end", ""],
    [0.1 + 0.2, 1e21, 5e-7],
    [-0, Number.MAX_VALUE, Number.MIN_VALUE],
    [2 ** 53 + 2, -123.456, 42],
    [null, "after a blank"],
  ];

  it("read back exactly: strings as written, numbers to the last bit, blanks and empty strings as no cell", () => {
    const stamped = addStampSheet(book({ workbook: `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>` }), rows);
    const cells = readCells(text(stamped, "xl/worksheets/sheet2.xml"));
    const expected = new Map<string, string | number>();
    rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null && value !== "") expected.set(`${String.fromCharCode(65 + c)}${r + 1}`, Object.is(value, -0) ? 0 : value);
    }));
    expect(cells).toEqual(expected);
    for (const [ref, value] of expected) if (typeof value === "number") expect(Object.is(cells.get(ref), value)).toBe(true);
  });

  it("refuses a number that is not finite (no cell can hold it)", () => {
    const workbook = book({ workbook: `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>` });
    expect(() => addStampSheet(workbook, [[Number.NaN]])).toThrow(RangeError);
  });
});
