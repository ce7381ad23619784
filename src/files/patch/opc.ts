/**
 * The package conventions (ECMA-376 Part 2, Open Packaging Conventions) the stamp needs: where a part's
 * relationships are, how a relationship's target names a part, and the relationship and content-type parts edited
 * as text (./xmlText.ts), a new element spliced in before the root's end tag and nothing else touched.
 */
import { WorkbookReadError } from "../errors";
import { attributeValue, escapeAttribute, qualified, scanXml, type XmlTag } from "./xmlText";

export const PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
export const CONTENT_TYPES_PART = "[Content_Types].xml";
export const ROOT_RELATIONSHIPS_PART = "_rels/.rels";
export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** A part name as stored in the zip: no leading "/". */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The folder of a part ("xl/" for "xl/workbook.xml"; "" at the root). */
export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** The part a relationship of sourcePart targets (no leading "/"), or null when the target is not a part name. */
export function resolveTarget(sourcePart: string, target: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(target.replace(/\\/g, "/").split("#")[0] ?? "");
  } catch {
    // A malformed percent-escape: the target names no part this module could find.
    return null;
  }
  const segments = (path.startsWith("/") ? path : `${folderOf(sourcePart)}${path}`).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") resolved.pop();
    else resolved.push(segment);
  }
  return resolved.length > 0 ? resolved.join("/") : null;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export interface RootElement {
  readonly start: XmlTag;
  /** Null when the root is an empty tag (`<Relationships/>`). */
  readonly end: XmlTag | null;
}

function requireRoot(root: XmlTag | null, part: string, namespace: string, local: string): XmlTag {
  if (!root || root.namespace !== namespace || root.local !== local) throw new WorkbookReadError(`the workbook's part "${part}" is not a ${local} part`);
  return root;
}

/** Inserts text as the last child of the root element (an empty root tag is opened to hold it). */
export function appendToRoot(xml: string, root: RootElement, text: string): string {
  if (root.end) return `${xml.slice(0, root.end.start)}${text}${xml.slice(root.end.start)}`;
  const tag = xml.slice(root.start.start, root.start.end);
  const opened = `${tag.slice(0, -2).trimEnd()}>${text}</${root.start.qname}>`;
  return `${xml.slice(0, root.start.start)}${opened}${xml.slice(root.start.end)}`;
}

export interface RelationshipsPart {
  readonly relationships: readonly Relationship[];
  readonly root: RootElement;
}

export function readRelationships(xml: string, part: string): RelationshipsPart {
  const relationships: Relationship[] = [];
  let start: XmlTag | null = null;
  let end: XmlTag | null = null;
  for (const tag of scanXml(xml, part)) {
    if (tag.depth === 0) {
      if (tag.kind === "end") end = tag;
      else start = requireRoot(tag, part, PACKAGE_RELATIONSHIPS_NS, "Relationships");
    } else if (tag.depth === 1 && tag.kind !== "end" && tag.namespace === PACKAGE_RELATIONSHIPS_NS && tag.local === "Relationship") {
      relationships.push({
        id: attributeValue(tag, null, "Id") ?? "",
        type: attributeValue(tag, null, "Type") ?? "",
        target: attributeValue(tag, null, "Target") ?? "",
        external: attributeValue(tag, null, "TargetMode") === "External",
      });
    }
  }
  return { relationships, root: { start: requireRoot(start, part, PACKAGE_RELATIONSHIPS_NS, "Relationships"), end } };
}

/** An Id no relationship of the part has: rId and the next number after the highest in use. */
export function freeRelationshipId(part: RelationshipsPart): string {
  const taken = new Set(part.relationships.map((r) => r.id));
  let next = 1 + part.relationships.reduce((max, r) => Math.max(max, /^rId(\d{1,9})$/.exec(r.id) ? Number(r.id.slice(3)) : 0), 0);
  while (taken.has(`rId${next}`)) next++;
  return `rId${next}`;
}

export function addRelationship(xml: string, part: RelationshipsPart, relationship: Omit<Relationship, "external">): string {
  const element = `<${qualified(part.root.start, "Relationship")} Id="${escapeAttribute(relationship.id)}" Type="${escapeAttribute(relationship.type)}" Target="${escapeAttribute(relationship.target)}"/>`;
  return appendToRoot(xml, part.root, element);
}

interface Override {
  readonly partName: string;
  readonly contentType: string;
  readonly start: number;
  /** Just past the element (its end tag, when it has one). */
  end: number;
}

/**
 * The content types with the part declared as contentType: unchanged when it already is (an Override, or a
 * Default for its extension with no Override); a stale Override naming another type is replaced.
 */
export function withContentType(xml: string, partName: string, contentType: string): string {
  const part = CONTENT_TYPES_PART;
  const overrides: Override[] = [];
  const defaults = new Map<string, string>();
  let start: XmlTag | null = null;
  let end: XmlTag | null = null;
  for (const tag of scanXml(xml, part)) {
    if (tag.depth === 0) {
      if (tag.kind === "end") end = tag;
      else start = requireRoot(tag, part, CONTENT_TYPES_NS, "Types");
    } else if (tag.depth === 1 && tag.kind === "end") {
      const last = overrides[overrides.length - 1];
      if (tag.local === "Override" && last) last.end = tag.end;
    } else if (tag.depth === 1 && tag.namespace === CONTENT_TYPES_NS) {
      const type = attributeValue(tag, null, "ContentType") ?? "";
      if (tag.local === "Override") overrides.push({ partName: (attributeValue(tag, null, "PartName") ?? "").toLowerCase(), contentType: type, start: tag.start, end: tag.end });
      else if (tag.local === "Default") defaults.set((attributeValue(tag, null, "Extension") ?? "").toLowerCase(), type);
    }
  }
  const root = requireRoot(start, part, CONTENT_TYPES_NS, "Types");
  const name = `/${partName}`.toLowerCase();
  const override = overrides.find((o) => o.partName === name);
  if (override?.contentType === contentType) return xml;
  const extension = partName.slice(partName.lastIndexOf(".") + 1).toLowerCase();
  if (!override && defaults.get(extension) === contentType) return xml;
  const element = `<${qualified(root, "Override")} PartName="/${escapeAttribute(partName)}" ContentType="${escapeAttribute(contentType)}"/>`;
  if (override) return `${xml.slice(0, override.start)}${element}${xml.slice(override.end)}`;
  return appendToRoot(xml, { start: root, end }, element);
}
