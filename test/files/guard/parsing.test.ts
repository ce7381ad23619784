import { cellsInReference, cellsInSqref } from "../../../src/files/guard/cellRanges";
import { decodeEntities, elementEnd, elementText, startTags } from "../../../src/files/guard/xmlTags";
import { countCellElements } from "../../../src/files/guard/sheetXml";
import { readZipDirectory } from "../../../src/files/guard/zipDirectory";
import { buildZip, deflated } from "./build";

describe("cellsInReference counts cells the way exceljs visits them", () => {
  it.each([
    ["A1", 1],
    ["A1:A10", 10],
    ["B2:A1", 4],
    ["$A$1:$C$3", 9],
    ["Sheet1!$A$1:$A$1048576", 1_048_576],
    ["'My sheet!'!A1:B2", 4],
    ["A1:XFD1048576", 16_384 * 1_048_576],
    ["A:A", 0],
    ["1:1", 0],
  ])("%s covers %d cells", (reference, cells) => {
    expect(cellsInReference(reference)).toBe(cells);
  });

  it("adds up a space-separated sqref", () => {
    expect(cellsInSqref(" A1:A10  C1 D1:E2\n")).toBe(15);
  });
});

describe("xml-tags", () => {
  const xml = `<a><dataValidation sqref="A1" prompt="x > y"><formula1>1</formula1></dataValidation ><dataValidation sqref='B&amp;2'/><dataValidations/></a>`;

  it("finds start tags by exact name, with attributes decoded", () => {
    const tags = [...startTags(xml, "dataValidation")];
    expect(tags.map((tag) => tag.attributes.get("sqref"))).toEqual(["A1", "B&2"]);
    expect(tags[0]?.attributes.get("prompt")).toBe("x > y");
    expect(tags.map((tag) => tag.selfClosing)).toEqual([false, true]);
  });

  it("finds where an element ends, end tag with whitespace included", () => {
    const [first] = [...startTags(xml, "dataValidation")];
    if (!first) throw new Error("no tag");
    expect(xml.slice(first.start, elementEnd(xml, "dataValidation", first))).toBe(
      `<dataValidation sqref="A1" prompt="x > y"><formula1>1</formula1></dataValidation >`,
    );
  });

  it("reads element text with entities and CDATA", () => {
    const names = `<definedName name="n"><![CDATA['O''Brien'!$A$1]]></definedName><definedName name="m">&apos;a&apos;!$B$2</definedName>`;
    expect([...startTags(names, "definedName")].map((tag) => elementText(names, "definedName", tag))).toEqual(["'O''Brien'!$A$1", "'a'!$B$2"]);
  });

  it("decodes numeric and named entities", () => {
    expect(decodeEntities("&#65;&#x42;&lt;&unknown;")).toBe("AB<&unknown;");
  });

  it("counts cell elements but not <col>, <cfRule> or <cols>", () => {
    expect(countCellElements(`<cols><col min="1"/></cols><c r="A1"><v>1</v></c><c/><c>x</c><cfRule/>`)).toBe(3);
  });
});

describe("readZipDirectory", () => {
  it("lists names and declared sizes, dropping a leading slash", () => {
    const bytes = buildZip([deflated("/xl/workbook.xml", "<workbook/>"), { ...deflated("xl/a.bin", "abc"), declaredSize: 99 }]);
    expect(readZipDirectory(bytes, 10)).toEqual([
      expect.objectContaining({ name: "xl/workbook.xml", method: 8, uncompressedSize: 11, encrypted: false }),
      expect.objectContaining({ name: "xl/a.bin", uncompressedSize: 99 }),
    ]);
  });

  it("finds the directory behind a trailing zip comment", () => {
    const bytes = buildZip([deflated("xl/workbook.xml", "<workbook/>")]);
    const comment = new TextEncoder().encode("a comment");
    const withComment = new Uint8Array(bytes.length + comment.length);
    withComment.set(bytes);
    withComment.set(comment, bytes.length);
    new DataView(withComment.buffer).setUint16(bytes.length - 2, comment.length, true);
    expect(readZipDirectory(withComment, 10).map((entry) => entry.name)).toEqual(["xl/workbook.xml"]);
  });
});
