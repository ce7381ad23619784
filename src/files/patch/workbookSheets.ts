/**
 * The workbook part's `<sheets>` (ECMA-376 Part 1, 18.2.19-18.2.20), read and edited as text: a `<sheet>` element
 * added as the last child, or one start tag rewritten, and every other byte of the part kept. Elements are found by
 * namespace, not by prefix, in transitional and strict workbooks alike; the new element takes the prefix the
 * `<sheets>` element uses and the prefix already bound to the relationships namespace (declared on the element
 * itself when there is none).
 */
import { WorkbookReadError } from "../errors";
import { appendToRoot, type RootElement } from "./opc";
import { attributeValue, escapeAttribute, prefixFor, qualified, scanXml, type XmlTag } from "./xmlText";

export interface Flavour {
  /** SpreadsheetML's namespace. */
  readonly main: string;
  /** The namespace of r:id attributes; a worksheet relationship's type is this + "/worksheet". */
  readonly relationships: string;
}

export const TRANSITIONAL: Flavour = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};

export const STRICT: Flavour = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

export interface WorkbookSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly relationshipId: string;
  readonly state: string;
  readonly tag: XmlTag;
}

export interface WorkbookPart {
  readonly flavour: Flavour;
  readonly sheets: readonly WorkbookSheet[];
  readonly sheetsElement: RootElement;
}

function flavourOf(root: XmlTag, part: string): Flavour {
  const flavour = [TRANSITIONAL, STRICT].find((f) => f.main === root.namespace);
  if (!flavour || root.local !== "workbook") throw new WorkbookReadError(`the workbook's part "${part}" is not a SpreadsheetML workbook`);
  return flavour;
}

export function readWorkbook(xml: string, part: string): WorkbookPart {
  let flavour: Flavour | null = null;
  let sheetsStart: XmlTag | null = null;
  let sheetsEnd: XmlTag | null = null;
  const sheets: WorkbookSheet[] = [];
  for (const tag of scanXml(xml, part)) {
    if (tag.depth === 0) {
      if (tag.kind !== "end") flavour = flavourOf(tag, part);
    } else if (flavour && tag.namespace === flavour.main) {
      if (tag.depth === 1 && tag.local === "sheets" && !sheetsEnd) {
        if (tag.kind === "end") sheetsEnd = tag;
        else if (sheetsStart) throw new WorkbookReadError(`the workbook's part "${part}" has two <sheets> elements`);
        else sheetsStart = tag;
      } else if (tag.depth === 2 && tag.local === "sheet" && tag.kind !== "end" && sheetsStart && !sheetsEnd) {
        sheets.push({
          name: attributeValue(tag, null, "name") ?? "",
          sheetId: Number(attributeValue(tag, null, "sheetId")),
          relationshipId: attributeValue(tag, flavour.relationships, "id") ?? "",
          state: attributeValue(tag, null, "state") ?? "visible",
          tag,
        });
      }
    }
  }
  if (!flavour) throw new WorkbookReadError(`the workbook's part "${part}" is not a SpreadsheetML workbook`);
  if (!sheetsStart) throw new WorkbookReadError(`the workbook's part "${part}" lists no sheets`);
  return { flavour, sheets, sheetsElement: { start: sheetsStart, end: sheetsEnd } };
}

/** The next sheetId (a positive integer unique in the workbook). */
export function freeSheetId(workbook: WorkbookPart): number {
  return 1 + workbook.sheets.reduce((max, s) => (Number.isSafeInteger(s.sheetId) ? Math.max(max, s.sheetId) : max), 0);
}

export interface NewSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly relationshipId: string;
}

/** The part with a very hidden `<sheet>` added after the last one. */
export function addVeryHiddenSheet(xml: string, workbook: WorkbookPart, sheet: NewSheet): string {
  const { start } = workbook.sheetsElement;
  const relationships = workbook.flavour.relationships;
  const bound = prefixFor(start.scope, relationships);
  const id = bound ? `${bound}:id` : `xmlns:r="${escapeAttribute(relationships)}" r:id`;
  const element = `<${qualified(start, "sheet")} name="${escapeAttribute(sheet.name)}" sheetId="${sheet.sheetId}" state="veryHidden" ${id}="${escapeAttribute(sheet.relationshipId)}"/>`;
  return appendToRoot(xml, workbook.sheetsElement, element);
}

/**
 * The part with the sheet's start tag named `name` exactly and very hidden (a stamp sheet unhidden by a macro, or
 * named in other letter case, which a reader matching the name exactly would miss); unchanged when it already is.
 */
export function renameVeryHidden(xml: string, sheet: WorkbookSheet, name: string): string {
  if (sheet.name === name && sheet.state === "veryHidden") return xml;
  const nameAttribute = `name="${escapeAttribute(name)}"`;
  const stateAttribute = `state="veryHidden"`;
  const sources = sheet.tag.attributes.map((a) => (a.qname === "name" ? nameAttribute : a.qname === "state" ? stateAttribute : a.source));
  if (!sheet.tag.attributes.some((a) => a.qname === "state")) sources.push(stateAttribute);
  const tag = `<${sheet.tag.qname} ${sources.join(" ")}${sheet.tag.kind === "empty" ? "/>" : ">"}`;
  return `${xml.slice(0, sheet.tag.start)}${tag}${xml.slice(sheet.tag.end)}`;
}
