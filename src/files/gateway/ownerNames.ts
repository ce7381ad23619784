/**
 * The add-in's sheet marker (the sheet-scoped defined name `_epr_owner`, app/settings/ownedSheets.ts) in .xlsx files,
 * so the exceljs gateway recognises the sheets the add-in made in Excel, and Excel the ones it made here.
 *
 * exceljs 4.4 cannot hold such a name: it keeps only defined names whose text is a cell range, and drops the
 * localSheetId that makes a name sheet-scoped (lib/xlsx/xform/book/defined-name-xform.js, extractRanges; the workbook
 * model keeps `{ name, ranges }`), so a text constant scoped to a sheet is lost on load and never written
 * (test/files/gateway/ownerNames.test.ts shows it on bytes). This module carries the marker past exceljs: the markers
 * the reader found (./fromWorkbookData.ts) are kept beside the exceljs workbook, per worksheet; on save they are
 * written into the xl/workbook.xml exceljs produced (every other part copied as it is), as Excel writes a sheet-scoped
 * name:
 * `<definedName name="_epr_owner" localSheetId="<sheet index>" comment="…">"EPR Return figures: EPR Scores"</definedName>`
 * (ECMA-376 Part 1, 18.2.5 definedName: localSheetId is the 0-based index of the sheet in `<sheets>`; the element's text
 * is the formula without its "=").
 */
import type ExcelJS from "exceljs";
import { markerFormula, markerText, OWNER_COMMENT, OWNER_NAME } from "../../app/settings/ownedSheets";
import { sameSheetName } from "../../core/returnSheets";
import { replacePartText } from "../patch";
import { attributeValue, decodeEntities, escapeAttribute, scanXml, type XmlTag } from "../patch/xmlText";

const WORKBOOK_PART = "xl/workbook.xml";

/** The marker text of each worksheet that carries one, per exceljs workbook. */
const owners = new WeakMap<ExcelJS.Workbook, Map<ExcelJS.Worksheet, string>>();

function ownersOf(workbook: ExcelJS.Workbook): Map<ExcelJS.Worksheet, string> {
  let map = owners.get(workbook);
  if (!map) {
    map = new Map();
    owners.set(workbook, map);
  }
  return map;
}

/** The sheet's marker text, or null when it has none. */
export function sheetOwner(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet): string | null {
  return ownersOf(workbook).get(ws) ?? null;
}

/** Gives the sheet the marker (null: takes it away). */
export function setSheetOwner(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, marker: string | null): void {
  if (marker === null) ownersOf(workbook).delete(ws);
  else ownersOf(workbook).set(ws, marker);
}

/** The sheet names `<sheets>` lists, in order (the index is a sheet-scoped name's localSheetId). */
function listedSheetNames(xml: string): string[] {
  const names: string[] = [];
  for (const tag of scanXml(xml, WORKBOOK_PART)) if (tag.local === "sheet" && tag.kind !== "end") names.push(attributeValue(tag, null, "name") ?? "");
  return names;
}

/** Each `<definedName>` of the workbook part with its text (entities decoded). */
function definedNames(xml: string): { tag: XmlTag; text: string }[] {
  const names: { tag: XmlTag; text: string }[] = [];
  let open: XmlTag | null = null;
  for (const tag of scanXml(xml, WORKBOOK_PART)) {
    if (tag.local !== "definedName") continue;
    if (tag.kind === "empty") names.push({ tag, text: "" });
    else if (tag.kind === "start") open = tag;
    else if (open) {
      names.push({ tag: open, text: decodeEntities(xml.slice(open.end, tag.start).replace(/<!\[CDATA\[|\]\]>/g, ""), WORKBOOK_PART) });
      open = null;
    }
  }
  return names;
}

/** Sheet name → marker text, for every `_epr_owner` scoped to a sheet in the workbook part's text. */
export function ownerNamesIn(xml: string): Map<string, string> {
  const sheets = listedSheetNames(xml);
  const found = new Map<string, string>();
  for (const { tag, text } of definedNames(xml)) {
    if (attributeValue(tag, null, "name")?.toLowerCase() !== OWNER_NAME.toLowerCase()) continue;
    const index = Number(attributeValue(tag, null, "localSheetId"));
    const sheet = Number.isInteger(index) ? sheets[index] : undefined;
    const marker = markerText(`=${text.trim()}`);
    if (sheet !== undefined && marker !== null) found.set(sheet, marker);
  }
  return found;
}

function ownerElement(index: number, marker: string): string {
  const text = markerFormula(marker).slice(1).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<definedName name="${OWNER_NAME}" localSheetId="${index}" comment="${escapeAttribute(OWNER_COMMENT)}">${text}</definedName>`;
}

/** The workbook part's text with a marker name for each marked sheet it lists. */
export function withOwnerNames(xml: string, markers: ReadonlyMap<string, string>): string {
  const sheets = listedSheetNames(xml);
  const elements: string[] = [];
  for (const [sheet, marker] of markers) {
    const index = sheets.findIndex((name) => sameSheetName(name, sheet));
    if (index >= 0) elements.push(ownerElement(index, marker));
  }
  if (elements.length === 0) return xml;
  const names = elements.join("");
  if (xml.includes("</definedNames>")) return xml.replace("</definedNames>", `${names}</definedNames>`);
  // definedNames follows sheets (and functionGroups, externalReferences, which exceljs does not write): CT_Workbook.
  return xml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
}

/**
 * The bytes exceljs wrote, with the markers of the workbook's sheets added to xl/workbook.xml; the bytes as they are
 * when no sheet has one. The other parts keep their bytes (../patch copies them).
 */
export function writeSheetOwners(workbook: ExcelJS.Workbook, bytes: Uint8Array): Uint8Array {
  const markers = new Map<string, string>();
  for (const ws of workbook.worksheets) {
    const marker = sheetOwner(workbook, ws);
    if (marker !== null) markers.set(ws.name, marker);
  }
  if (markers.size === 0) return bytes;
  return replacePartText(bytes, WORKBOOK_PART, (xml) => withOwnerNames(xml, markers));
}
