/**
 * A valid return (the template's headers, two trusts) in a workbook that holds what a writer keeping only values
 * would lose: a chart and an image (a drawing on a second sheet), comments (with their VML drawing), a pivot table
 * and its cache, defined names (one sheet-scoped), an external link and, as .xlsm, a VBA project. Hand-written XML,
 * zipped with fflate: deflated and stored entries, optionally written with data descriptors (fflate's streaming Zip).
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync, type Zippable } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

const HEADERS = ["Trust ODS code", "Trust name", "Trust type", "EPR status", "EPR supplier", "Go-live date", "Convergence plan", "Beds"];
const TRUSTS: readonly (readonly (string | number)[])[] = [
  ["RYJ", "Imperial College Healthcare", "Acute", "Live", "Epic", serial("2019-06-01"), "Keep", 1000],
  ["R1H", "Barts Health", "Acute", "Live", "Oracle Health", serial("2012-10-01"), "Keep", 2500],
];

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));
/** Not a real VBA project: what matters is that its bytes survive. */
export const VBA = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251);

const col = (i: number) => String.fromCharCode(65 + i);

function sharedStrings(): { xml: string; index: Map<string, number> } {
  const index = new Map<string, number>();
  for (const text of [...HEADERS, ...TRUSTS.flat().filter((v): v is string => typeof v === "string")]) if (!index.has(text)) index.set(text, index.size);
  const items = [...index.keys()].map((t) => `<si><t>${t}</t></si>`).join("");
  return { xml: `${HEAD}<sst xmlns="${MAIN}" count="${index.size}" uniqueCount="${index.size}">${items}</sst>`, index };
}

function trustSheet(index: Map<string, number>): string {
  const cell = (value: string | number, ref: string, column: number) =>
    typeof value === "string" ? `<c r="${ref}" t="s"><v>${index.get(value)}</v></c>` : `<c r="${ref}"${column === 5 ? ' s="1"' : ""}><v>${value}</v></c>`;
  const rows = [HEADERS, ...TRUSTS].map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, `${col(c)}${r + 1}`, c)).join("")}</row>`).join("");
  return `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:H3"/><sheetData>${rows}</sheetData><legacyDrawing r:id="rId2"/></worksheet>`;
}

const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const CHART_SHEET = `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Beds by trust</t></is></c></row></sheetData><drawing r:id="rId1"/></worksheet>`;
const PIVOT_SHEET = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>Trust ODS code</t></is></c><c r="B3" t="inlineStr"><is><t>Sum of Beds</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>R1H</t></is></c><c r="B4"><v>2500</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>RYJ</t></is></c><c r="B5"><v>1000</v></c></row><row r="6"><c r="A6" t="inlineStr"><is><t>Grand Total</t></is></c><c r="B6"><v>3500</v></c></row></sheetData></worksheet>`;

const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const anchor = (from: number, to: number, body: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${from}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
const DRAWING = `${HEAD}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${R}" xmlns:c="${C}">${anchor(0, 6,
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`)}${anchor(7, 9,
  `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Picture 1"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`)}</xdr:wsDr>`;
const CHART = `${HEAD}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Beds by trust</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Trusts!$H$1</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>Trusts!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Trusts!$H$2:$H$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const COMMENTS = `${HEAD}<comments xmlns="${MAIN}"><authors><author>Reviewer</author></authors><commentList><comment ref="H2" authorId="0"><text><r><t>Beds checked with the trust, 3 Nov.</t></r></text></comment></commentList></comments>`;
const VML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:400pt;margin-top:10pt;width:108pt;height:59pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>7</x:Column></x:ClientData></v:shape></xml>`;

const PIVOT_CACHE = `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:H3" sheet="Trusts"/></cacheSource><cacheFields count="2"><cacheField name="Trust ODS code" numFmtId="0"><sharedItems count="2"><s v="RYJ"/><s v="R1H"/></sharedItems></cacheField><cacheField name="Beds" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1000" maxValue="2500"/></cacheField></cacheFields></pivotCacheDefinition>`;
const PIVOT_RECORDS = `${HEAD}<pivotCacheRecords xmlns="${MAIN}" count="2"><r><x v="0"/><n v="1000"/></r><r><x v="1"/><n v="2500"/></r></pivotCacheRecords>`;
const PIVOT_TABLE = `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="1" dataCaption="Values" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="1"/><item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Beds" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`;

const EXTERNAL_LINK = `${HEAD}<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Plan"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;

function workbookXml(): string {
  return `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="Trusts" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="2" r:id="rId2"/><sheet name="Pivot" sheetId="3" r:id="rId3"/></sheets><externalReferences><externalReference r:id="rId7"/></externalReferences><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Trusts!$A$1:$H$3</definedName><definedName name="TotalBeds">SUM(Trusts!$H$2:$H$3)</definedName><definedName name="PlanCell">[1]Plan!$A$1</definedName></definedNames><calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId8"/></pivotCaches></workbook>`;
}

const rels = (items: readonly (readonly [id: string, type: string, target: string, external?: boolean])[]) =>
  `${HEAD}<Relationships xmlns="${PKG}">${items.map(([id, type, target, external]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`).join("")}</Relationships>`;

function contentTypes(macros: boolean): string {
  const workbookType = macros ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const o = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const sml = (t: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${t}+xml`;
  return `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>${macros ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : ""}${[
    o("/xl/workbook.xml", workbookType), o("/xl/worksheets/sheet1.xml", sml("worksheet")), o("/xl/worksheets/sheet2.xml", sml("worksheet")), o("/xl/worksheets/sheet3.xml", sml("worksheet")),
    o("/xl/styles.xml", sml("styles")), o("/xl/sharedStrings.xml", sml("sharedStrings")), o("/xl/comments1.xml", sml("comments")),
    o("/xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml"), o("/xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"),
    o("/xl/pivotTables/pivotTable1.xml", sml("pivotTable")), o("/xl/pivotCache/pivotCacheDefinition1.xml", sml("pivotCacheDefinition")), o("/xl/pivotCache/pivotCacheRecords1.xml", sml("pivotCacheRecords")),
    o("/xl/externalLinks/externalLink1.xml", sml("externalLink")),
  ].join("")}</Types>`;
}

/** The parts, in zip order, as [name, bytes, stored?]. */
export function richParts(macros = false): [string, Uint8Array, boolean][] {
  const { xml: sst, index } = sharedStrings();
  const workbookRels: [string, string, string, boolean?][] = [
    ["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId2", "worksheet", "worksheets/sheet2.xml"], ["rId3", "worksheet", "worksheets/sheet3.xml"],
    ["rId4", "styles", "styles.xml"], ["rId5", "sharedStrings", "sharedStrings.xml"], ["rId7", "externalLink", "externalLinks/externalLink1.xml"],
    ["rId8", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"],
  ];
  const parts: [string, string | Uint8Array, boolean][] = [
    ["[Content_Types].xml", contentTypes(macros), false],
    ["_rels/.rels", rels([["rId1", "officeDocument", "xl/workbook.xml"]]), false],
    ["xl/workbook.xml", workbookXml(), false],
    ["xl/_rels/workbook.xml.rels", `${HEAD}<Relationships xmlns="${PKG}">${workbookRels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`).join("")}${macros ? `<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : ""}</Relationships>`, false],
    ["xl/worksheets/sheet1.xml", trustSheet(index), false],
    ["xl/worksheets/_rels/sheet1.xml.rels", rels([["rId1", "comments", "../comments1.xml"], ["rId2", "vmlDrawing", "../drawings/vmlDrawing1.vml"]]), false],
    ["xl/worksheets/sheet2.xml", CHART_SHEET, false],
    ["xl/worksheets/_rels/sheet2.xml.rels", rels([["rId1", "drawing", "../drawings/drawing1.xml"]]), false],
    ["xl/worksheets/sheet3.xml", PIVOT_SHEET, false],
    ["xl/worksheets/_rels/sheet3.xml.rels", rels([["rId1", "pivotTable", "../pivotTables/pivotTable1.xml"]]), false],
    ["xl/styles.xml", STYLES, false],
    ["xl/sharedStrings.xml", sst, false],
    ["xl/comments1.xml", COMMENTS, false],
    ["xl/drawings/vmlDrawing1.vml", VML, false],
    ["xl/drawings/drawing1.xml", DRAWING, false],
    ["xl/drawings/_rels/drawing1.xml.rels", rels([["rId1", "chart", "../charts/chart1.xml"], ["rId2", "image", "../media/image1.png"]]), false],
    ["xl/charts/chart1.xml", CHART, false],
    ["xl/media/image1.png", PNG, true],
    ["xl/pivotTables/pivotTable1.xml", PIVOT_TABLE, false],
    ["xl/pivotTables/_rels/pivotTable1.xml.rels", rels([["rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml"]]), false],
    ["xl/pivotCache/pivotCacheDefinition1.xml", PIVOT_CACHE, false],
    ["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", rels([["rId1", "pivotCacheRecords", "pivotCacheRecords1.xml"]]), false],
    ["xl/pivotCache/pivotCacheRecords1.xml", PIVOT_RECORDS, false],
    ["xl/externalLinks/externalLink1.xml", EXTERNAL_LINK, false],
    ["xl/externalLinks/_rels/externalLink1.xml.rels", rels([["rId1", "externalLinkPath", "file:///C:/Plans/plan.xlsx", true]]), false],
    ...(macros ? [["xl/vbaProject.bin", VBA, true] as [string, Uint8Array, boolean]] : []),
  ];
  return parts.map(([name, content, stored]) => [name, typeof content === "string" ? strToU8(content) : content, stored]);
}

/** The workbook zipped in one go (sizes in the local headers). */
export function richWorkbook(macros = false): Uint8Array {
  const files: Zippable = {};
  for (const [name, bytes, stored] of richParts(macros)) files[name] = [bytes, { level: stored ? 0 : 6 }];
  return zipSync(files);
}

/** The same workbook zipped as a stream: every entry has a data descriptor (general purpose flag bit 3). */
export function streamedRichWorkbook(macros = false): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, bytes, stored] of richParts(macros)) {
    const entry = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  return Uint8Array.from(Buffer.concat(chunks));
}
