/** Reading SpreadsheetML attribute values as producers spell them. */
import type { Attributes } from "./xmlStream";

/** xsd:boolean, and the spellings producers use for it: "1", "true" (LibreOffice), "on". */
export function isTruthy(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  return v === "1" || v === "true" || v === "on";
}

/** A non-negative whole number written in decimal, or undefined when the value is anything else. */
export function wholeNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!/^\d{1,15}$/.test(v)) return undefined;
  return Number(v);
}

/**
 * A relationship id attribute (r:id), whatever prefix the producer bound the relationships
 * namespace to: the first attribute whose local name is "id" and that has a prefix.
 */
export function relationshipId(attributes: Attributes): string | undefined {
  const usual = attributes.get("r:id");
  if (usual !== undefined) return usual;
  for (let i = 0; i < attributes.count; i++) {
    const name = attributes.nameAt(i);
    if (name.endsWith(":id") && !name.startsWith("xmlns")) return attributes.valueAt(i);
  }
  return undefined;
}
