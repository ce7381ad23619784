/**
 * Small .xlsx packages built from XML strings for the reader's tests, zipped with fflate: the parts
 * a workbook needs, with the knobs producers turn (absolute relationship targets, part names,
 * namespace prefixes are written in the XML given), and a way to make a zip entry lie about its size
 * (zips written entry by entry, with any declared size: test/helpers/zipBuild.ts).
 */
import { zipSync, strToU8, type Zippable } from "fflate";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A worksheet part around the given <sheetData> content, with more elements after it if given. */
export function worksheetXml(sheetData: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** A styles part whose cellXfs use these number format ids, with these custom number formats. */
export function stylesXml(cellXfNumFmtIds: readonly number[], numFmts: readonly { id: number; code: string }[] = []): string {
  const formats = numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join("");
  const xfs = cellXfNumFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">` +
    (formats ? `<numFmts count="${numFmts.length}">${formats}</numFmts>` : "") +
    `<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${cellXfNumFmtIds.length}">${xfs}</cellXfs>` +
    `<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="yyyy-mm-dd"/></dxf></dxfs></styleSheet>`
  );
}

export interface RelatedPart {
  /** The relationship type's last segment, e.g. "table". */
  readonly type: string;
  /** The part's name in the package. */
  readonly part: string;
  /** The target as the relationship writes it (default: the part's path relative to the source). */
  readonly target?: string;
  readonly xml: string;
}

export interface SheetSpec {
  readonly name: string;
  /** The worksheet part's XML (see worksheetXml). */
  readonly xml: string;
  readonly state?: "visible" | "hidden" | "veryHidden";
  /** Default xl/worksheets/sheetN.xml. */
  readonly part?: string;
  readonly related?: readonly RelatedPart[];
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  /** Plain strings (each one <si><t>), or the whole part's XML. */
  readonly sharedStrings?: readonly string[] | string;
  readonly styles?: string;
  /** Attributes of <workbookPr>, e.g. 'date1904="true"'. */
  readonly workbookPr?: string;
  /** Written inside <workbook> after <sheets>, e.g. a <definedNames> element. */
  readonly afterSheets?: string;
  /** Relationship targets written absolute ("/xl/worksheets/sheet1.xml"), as the Open XML SDK does. */
  readonly absoluteTargets?: boolean;
  /** More entries, e.g. xl/media/image1.png or xl/vbaProject.bin. */
  readonly extraParts?: Readonly<Record<string, string | Uint8Array>>;
}

function relationshipsXml(relationships: readonly { id: string; type: string; target: string }[]): string {
  const items = relationships.map((r) => `<Relationship Id="${r.id}" Type="${REL_TYPE}${r.type}" Target="${escapeXml(r.target)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_REL_NS}">${items}</Relationships>`;
}

function relative(fromFolder: string, part: string): string {
  return part.startsWith(fromFolder) ? part.slice(fromFolder.length) : `../${part.split("/").slice(1).join("/")}`;
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

function relsPartOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

function sharedStringsXml(strings: readonly string[]): string {
  const items = strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">${items}</sst>`;
}

/** The package's parts by name (edit them before zipping to make odder files). */
export function workbookParts(spec: WorkbookSpec): Record<string, string | Uint8Array> {
  const target = (part: string, fromFolder: string): string => (spec.absoluteTargets ? `/${part}` : relative(fromFolder, part));
  const parts: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": relationshipsXml([{ id: "rId1", type: "officeDocument", target: spec.absoluteTargets ? "/xl/workbook.xml" : "xl/workbook.xml" }]),
  };
  const workbookRels: { id: string; type: string; target: string }[] = [];
  const sheetElements = spec.sheets.map((sheet, i) => {
    const part = sheet.part ?? `xl/worksheets/sheet${i + 1}.xml`;
    parts[part] = sheet.xml;
    workbookRels.push({ id: `rId${i + 1}`, type: "worksheet", target: target(part, "xl/") });
    if (sheet.related?.length) {
      parts[relsPartOf(part)] = relationshipsXml(sheet.related.map((r, j) => ({ id: `rId${j + 1}`, type: r.type, target: r.target ?? target(r.part, folderOf(part)) })));
      for (const r of sheet.related) parts[r.part] = r.xml;
    }
    const state = sheet.state ? ` state="${sheet.state}"` : "";
    return `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
  });
  if (spec.sharedStrings !== undefined) {
    parts["xl/sharedStrings.xml"] = typeof spec.sharedStrings === "string" ? spec.sharedStrings : sharedStringsXml(spec.sharedStrings);
    workbookRels.push({ id: "rIdStrings", type: "sharedStrings", target: target("xl/sharedStrings.xml", "xl/") });
  }
  if (spec.styles !== undefined) {
    parts["xl/styles.xml"] = spec.styles;
    workbookRels.push({ id: "rIdStyles", type: "styles", target: target("xl/styles.xml", "xl/") });
  }
  parts["xl/_rels/workbook.xml.rels"] = relationshipsXml(workbookRels);
  const workbookPr = spec.workbookPr ? `<workbookPr ${spec.workbookPr}/>` : "";
  parts["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${workbookPr}<sheets>${sheetElements.join("")}</sheets>${spec.afterSheets ?? ""}</workbook>`;
  return { ...parts, ...spec.extraParts };
}

/** The parts zipped (deflated at the given level, default 6). */
export function zipParts(parts: Readonly<Record<string, string | Uint8Array>>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(files, { level });
}

export function buildXlsx(spec: WorkbookSpec): Uint8Array {
  return zipParts(workbookParts(spec));
}

/** A workbook with one sheet "Sheet1" holding this <sheetData> content (and elements after it). */
export function oneSheet(sheetData: string, more: Omit<WorkbookSpec, "sheets"> & { after?: string } = {}): Uint8Array {
  return buildXlsx({ ...more, sheets: [{ name: "Sheet1", xml: worksheetXml(sheetData, more.after) }] });
}

/**
 * The zip with the named entry's declared (uncompressed) size changed, in its local header and in
 * the central directory: a lying entry.
 */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const nameAt = (at: number): boolean => nameBytes.every((b, i) => out[at + i] === b);
  let patched = 0;
  for (let at = 0; at + 46 < out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && view.getUint16(at + 26, true) === nameBytes.length && nameAt(at + 30)) {
      view.setUint32(at + 22, size, true);
      patched++;
    } else if (signature === 0x02014b50 && view.getUint16(at + 28, true) === nameBytes.length && nameAt(at + 46)) {
      view.setUint32(at + 24, size, true);
      patched++;
    }
  }
  if (patched !== 2) throw new Error(`withDeclaredSize: found ${patched} headers for ${name}`);
  return out;
}
