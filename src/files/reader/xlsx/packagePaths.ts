/**
 * Part names in an Open XML package: relationship targets resolved against the part that holds
 * them (ECMA-376 Part 2, 9.3), absolute ones ("/xl/worksheets/sheet1.xml", as the Open XML SDK
 * writes) from the package root. Case does not matter when looking parts up (../zip does that).
 */

/** The folder of a part name, with its trailing "/" ("" for a part at the root). */
function folderOf(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return slash < 0 ? "" : partName.slice(0, slash + 1);
}

/** Percent-escapes as URIs have them ("sheet%201.xml"); an invalid escape is left as written. */
function unescapeUri(target: string): string {
  if (!target.includes("%")) return target;
  try {
    return decodeURIComponent(target);
  } catch {
    // A stray "%" is not an escape: the target names the part as written.
    return target;
  }
}

/** The part a relationship's target names, from the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const path = unescapeUri(target.split("#")[0] ?? "").replace(/\\/g, "/");
  const joined = path.startsWith("/") ? path : folderOf(sourcePart) + path;
  const segments: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relationshipsPartOf(partName: string): string {
  const folder = folderOf(partName);
  return `${folder}_rels/${partName.slice(folder.length)}.rels`;
}
