/**
 * Writes the validation stamp into a workbook's own bytes, changing only the parts it must, so that whatever the
 * file holds beyond cell values (charts, images, pivot tables, comments, macros, defined names, external links,
 * parts this program has never heard of) survives: every other zip entry is copied byte for byte (./zipWrite.ts).
 *
 * The stamp is a very hidden sheet named `_epr_stamp` (src/core/returnSheets.ts) holding the rows of the core's
 * layout (src/core/stamp/sheetLayout.ts). What changes:
 * - a workbook without one: a new worksheet part (`<workbook folder>/worksheets/sheetN.xml`, N free), a `<sheet>`
 *   in the workbook part (last, so the sheet indexes that sheet-scoped defined names use are unchanged), a
 *   relationship in the workbook's relationships part, and an Override in `[Content_Types].xml`;
 * - a workbook stamped before (the name compared as Excel does, ignoring case): its worksheet part replaced in its
 *   place (same part, same sheetId and relationship, so nothing else moves), and its `<sheet>` rewritten only when
 *   it is not named `_epr_stamp` exactly or not very hidden.
 * A part whose text would not change is copied like the others. A `.xlsm` stays one: its content types keep the
 * macro-enabled workbook type and `xl/vbaProject.bin` is copied as is.
 *
 * Bounded: the zip structure is checked before anything is written (./zipArchive.ts), only the three or four parts
 * edited are inflated, each within PART_LIMIT bytes, and XML is scanned once, linearly (./xmlText.ts). Not handled,
 * with a WorkbookReadError: ZIP64 archives, encrypted parts, binary (.xlsb) and UTF-16 workbook parts, a stamp sheet
 * that is not a worksheet. docProps/app.xml (the sheet-name list Excel rebuilds on its next save) is left alone.
 * A workbook with a digital signature (_xmlsignatures) will show it as no longer valid, as after any edit.
 */
import type { StampSheetCell } from "../../app/gateway";
import { sameSheetName, STAMP_SHEET } from "../../core/returnSheets";
import { WorkbookReadError } from "../errors";
import { DEFAULT_READ_LIMITS } from "../reader/types";
import { partText } from "./inflatePart";
import {
  addRelationship, CONTENT_TYPES_PART, folderOf, freeRelationshipId, readRelationships, relationshipsPartOf, resolveTarget,
  ROOT_RELATIONSHIPS_PART, withContentType, WORKSHEET_CONTENT_TYPE,
} from "./opc";
import { stampWorksheetXml } from "./stampWorksheet";
import { addVeryHiddenSheet, freeSheetId, readWorkbook, renameVeryHidden, STRICT, TRANSITIONAL, type WorkbookPart } from "./workbookSheets";
import { partKey, readZipArchive, type StoredEntry, type ZipArchive } from "./zipArchive";
import { writeZip, type OutputEntry } from "./zipWrite";

/** The largest part this module inflates to edit (a workbook part with thousands of defined names is a few MB). */
export const PART_LIMIT = 64 * 1024 * 1024;
const DEFAULT_WORKBOOK_PART = "xl/workbook.xml";

const encoder = new TextEncoder();

class Parts {
  private readonly byKey = new Map<string, StoredEntry>();

  constructor(readonly archive: ZipArchive) {
    for (const entry of archive.entries) this.byKey.set(partKey(entry.name), entry);
  }

  find(part: string): StoredEntry | undefined {
    return this.byKey.get(partKey(part));
  }

  require(part: string, what: string): StoredEntry {
    const entry = this.find(part);
    if (!entry) throw new WorkbookReadError(`not an Excel workbook: it has no ${what} ("${part}")`);
    return entry;
  }

  text(entry: StoredEntry): string {
    return partText(entry, PART_LIMIT);
  }
}

/** The workbook part, as the package's root relationships name it (xl/workbook.xml when they do not). */
function workbookPartName(parts: Parts): string {
  const rootRels = parts.find(ROOT_RELATIONSHIPS_PART);
  if (rootRels) {
    const { relationships } = readRelationships(parts.text(rootRels), ROOT_RELATIONSHIPS_PART);
    const types = [TRANSITIONAL, STRICT].map((f) => `${f.relationships}/officeDocument`);
    const main = relationships.find((r) => types.includes(r.type) && !r.external);
    const target = main ? resolveTarget("", main.target) : null;
    if (target) return target;
  }
  return DEFAULT_WORKBOOK_PART;
}

/** sheetN.xml in the workbook's worksheets folder, N the first number no part (nor a stale content type) has. */
function freeWorksheetPart(parts: Parts, workbookPart: string, contentTypes: string): string {
  const listed = contentTypes.toLowerCase();
  for (let n = 1; ; n++) {
    const name = `${folderOf(workbookPart)}worksheets/sheet${n}.xml`;
    if (!parts.find(name) && !listed.includes(`"/${name.toLowerCase()}"`)) return name;
  }
}

interface Edits {
  /** Part name (as stored) → new content. */
  readonly replaced: Map<string, Uint8Array>;
  added: { name: string; content: Uint8Array } | null;
}

function setText(edits: Edits, entry: StoredEntry, before: string, after: string): void {
  if (after !== before) edits.replaced.set(entry.name, encoder.encode(after));
}

function worksheetRelationshipType(workbook: WorkbookPart): string {
  return `${workbook.flavour.relationships}/worksheet`;
}

/**
 * The workbook's bytes with the stamp sheet holding rows (replacing an earlier stamp sheet). Throws
 * WorkbookReadError (message for users) when the bytes are not a workbook this can edit safely.
 */
export function addStampSheet(xlsxBytes: Uint8Array, rows: readonly (readonly StampSheetCell[])[]): Uint8Array {
  const archive = readZipArchive(xlsxBytes, DEFAULT_READ_LIMITS.maxEntries);
  const parts = new Parts(archive);
  const workbookName = workbookPartName(parts);
  if (!workbookName.toLowerCase().endsWith(".xml")) throw new WorkbookReadError("a binary workbook (.xlsb) cannot be stamped: save it as .xlsx");
  const workbookEntry = parts.require(workbookName, "workbook part");
  const relsName = relationshipsPartOf(workbookName);
  const relsEntry = parts.require(relsName, "workbook relationships part");
  const typesEntry = parts.require(CONTENT_TYPES_PART, "content types part");
  const workbookXml = parts.text(workbookEntry);
  const relsXml = parts.text(relsEntry);
  const typesXml = parts.text(typesEntry);

  const workbook = readWorkbook(workbookXml, workbookEntry.name);
  const rels = readRelationships(relsXml, relsEntry.name);
  const sheetXml = encoder.encode(stampWorksheetXml(rows, workbook.flavour));
  const edits: Edits = { replaced: new Map(), added: null };

  const earlier = workbook.sheets.find((s) => sameSheetName(s.name, STAMP_SHEET));
  let sheetPart: string;
  if (earlier) {
    const relationship = rels.relationships.find((r) => r.id === earlier.relationshipId);
    if (!relationship || relationship.external || relationship.type !== worksheetRelationshipType(workbook)) {
      throw new WorkbookReadError(`the workbook's ${STAMP_SHEET} sheet is not a worksheet, so it cannot be stamped again`);
    }
    const target = resolveTarget(workbookName, relationship.target);
    if (!target) throw new WorkbookReadError(`the workbook's ${STAMP_SHEET} sheet has no part`);
    const existing = parts.find(target);
    sheetPart = existing?.name.replace(/^\/+/, "") ?? target;
    if (existing) edits.replaced.set(existing.name, sheetXml);
    else edits.added = { name: target, content: sheetXml };
    setText(edits, workbookEntry, workbookXml, renameVeryHidden(workbookXml, earlier, STAMP_SHEET));
  } else {
    sheetPart = freeWorksheetPart(parts, workbookName, typesXml);
    const relationshipId = freeRelationshipId(rels);
    edits.added = { name: sheetPart, content: sheetXml };
    setText(edits, workbookEntry, workbookXml, addVeryHiddenSheet(workbookXml, workbook, { name: STAMP_SHEET, sheetId: freeSheetId(workbook), relationshipId }));
    const target = sheetPart.slice(folderOf(workbookName).length);
    setText(edits, relsEntry, relsXml, addRelationship(relsXml, rels, { id: relationshipId, type: worksheetRelationshipType(workbook), target }));
  }
  setText(edits, typesEntry, typesXml, withContentType(typesXml, sheetPart, WORKSHEET_CONTENT_TYPE));

  const outputs: OutputEntry[] = archive.entries.map((entry) => {
    const content = edits.replaced.get(entry.name);
    return content ? { kind: "replace", entry, content } : { kind: "copy", entry };
  });
  if (edits.added) outputs.push({ kind: "add", name: edits.added.name, content: edits.added.content, like: workbookEntry });
  return writeZip(outputs, archive.comment);
}
