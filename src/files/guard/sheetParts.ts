/**
 * Which worksheet part holds which sheet, as exceljs works it out: workbook.xml lists the sheets
 * (name and relationship id), xl/_rels/workbook.xml.rels gives each id's target, and the part is
 * "xl/" + the target (exceljs's WorkbookXform#reconcile). A command that reads only some sheets
 * can then leave the others' parts out, and exceljs, which skips a sheet whose part is missing,
 * does not parse them.
 */
import { startTags, type StartTag } from "./xmlTags";

export interface ListedSheet {
  readonly name: string;
  /** The zip entry exceljs reads the sheet from; null when the relationship is missing. */
  readonly part: string | null;
}

/** exceljs: `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, '')}`. */
function partOfTarget(target: string): string {
  return `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
}

/**
 * A tag whose attributes exceljs might read otherwise than xml-tags does: with an entity (exceljs
 * decodes sheet names twice, so "&amp;lt;" is "<" there) or a tab or line break (XML parsers turn
 * those into spaces). Real sheet names rarely have either; a workbook that does is read whole.
 */
function isAmbiguous(xml: string, tag: StartTag): boolean {
  return /[&\t\n\r]/.test(xml.slice(tag.start, tag.end));
}

/**
 * The sheets workbook.xml lists, in order, with their parts (rels: the text of
 * xl/_rels/workbook.xml.rels, null when absent); null when a name or a part might not be read as
 * exceljs reads it, so that nothing is left out on a guess.
 */
export function listedSheets(workbookXml: string, rels: string | null): ListedSheet[] | null {
  const targets = new Map<string, string>();
  // A repeated id: the last wins, as in exceljs's reduce over the relationships.
  for (const tag of startTags(rels ?? "", "Relationship")) {
    if (isAmbiguous(rels ?? "", tag)) return null;
    const id = tag.attributes.get("Id");
    const target = tag.attributes.get("Target");
    if (id !== undefined && target !== undefined) targets.set(id, target);
  }
  const sheets: ListedSheet[] = [];
  for (const tag of startTags(workbookXml, "sheet")) {
    if (isAmbiguous(workbookXml, tag)) return null;
    const name = tag.attributes.get("name");
    if (name === undefined) continue;
    const target = targets.get(tag.attributes.get("r:id") ?? "");
    sheets.push({ name, part: target === undefined ? null : partOfTarget(target) });
  }
  return sheets;
}

/** The parts of sheets not in keep, except any part a kept sheet also uses. */
export function partsToLeaveOut(sheets: readonly ListedSheet[], keep: ReadonlySet<string>): Set<string> {
  const kept = new Set(sheets.filter((s) => keep.has(s.name)).map((s) => s.part));
  const out = new Set<string>();
  for (const sheet of sheets) {
    if (sheet.part !== null && !keep.has(sheet.name) && !kept.has(sheet.part)) out.add(sheet.part);
  }
  return out;
}
