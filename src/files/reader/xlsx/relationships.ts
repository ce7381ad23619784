/**
 * A part's relationships (its _rels/NAME.rels part): which parts it points to, by id and type.
 * Types are matched on their last segment ("…/worksheet"), so transitional and strict
 * (purl.oclc.org) namespaces read alike. External targets (hyperlinks, linked files) are not parts.
 */
import type { ZipArchive } from "../zip";
import { relationshipsPartOf, resolveTarget } from "./packagePaths";
import { parseXmlPart } from "./xmlStream";

export interface Relationship {
  readonly id: string;
  /** The type's last segment: "worksheet", "sharedStrings", "styles", "table", "officeDocument", … */
  readonly kind: string;
  /** The part it points to, resolved from the source part. */
  readonly part: string;
}

/**
 * Relationships kept per part. A sheet may have one per hyperlink (external ones are dropped, but
 * a hostile file could list internal ones by the million): the kinds wanted are far fewer.
 */
const MAX_KEPT = 100_000;

function kindOf(type: string): string {
  const slash = type.lastIndexOf("/");
  return slash < 0 ? type : type.slice(slash + 1);
}

/**
 * The relationships of sourcePart whose kind is among kinds (every kind: null), in document order;
 * none when it has no relationships part.
 */
export function readRelationships(archive: ZipArchive, sourcePart: string, kinds: ReadonlySet<string> | null): Relationship[] {
  const entry = archive.find(relationshipsPartOf(sourcePart));
  if (!entry) return [];
  const found: Relationship[] = [];
  parseXmlPart(archive, entry, {
    open(name, attributes) {
      if (name !== "Relationship" || found.length >= MAX_KEPT) return;
      const id = attributes.get("Id");
      const type = attributes.get("Type");
      const target = attributes.get("Target");
      const mode = attributes.get("TargetMode");
      if (id === undefined || type === undefined || target === undefined) return;
      if (mode !== undefined && mode.toLowerCase() === "external") return;
      const kind = kindOf(type);
      if (kinds === null || kinds.has(kind)) found.push({ id, kind, part: resolveTarget(sourcePart, target) });
    },
  });
  return found;
}
