/** Enumerations and suppliers (spec section 5): canonical spelling, loose match with a warning, else invalid_enum. */
import type { CellValue } from "../cells";
import { DEFAULT_SEVERITY } from "../catalogue";
import { SUPPLIER_ALIASES, SUPPLIERS, type Supplier } from "../enums";
import { looseKey, looseLookup } from "./normalize";
import { makeNote, readInvalid, readValue, type ReadResult } from "./note";
import { contentText, readContent } from "./presence";

/** A closed list of canonical values and the spellings that stand for them. */
export interface Choice<T extends string> {
  readonly canonical: readonly T[];
  readonly lookup: ReadonlyMap<string, T>;
}

export function choiceOf<T extends string>(canonical: readonly T[], aliases: readonly (readonly [string, T])[] = []): Choice<T> {
  return { canonical, lookup: looseLookup([...canonical.map((v) => [v, v] as const), ...aliases]) };
}

export const SUPPLIER_CHOICE: Choice<Supplier> = choiceOf(
  SUPPLIERS,
  SUPPLIERS.flatMap((supplier) => SUPPLIER_ALIASES[supplier].map((alias) => [alias, supplier] as const)),
);

const enumChoices = new Map<readonly string[], Choice<string>>();

/** Choices for a plain enumeration, built once per list. */
function enumChoice<T extends string>(values: readonly T[]): Choice<T> {
  const known = enumChoices.get(values);
  // Safe: the cache is keyed by the very list the choice was built from.
  if (known) return known as Choice<T>;
  const made = choiceOf(values);
  enumChoices.set(values, made);
  return made;
}

/** The canonical value a spelling stands for (exact or loose), or null. */
export function matchChoice<T extends string>(text: string, choice: Choice<T>): T | null {
  const trimmed = text.trim();
  const exact = choice.canonical.find((v) => v === trimmed);
  return exact ?? choice.lookup.get(looseKey(trimmed)) ?? null;
}

export function readChoice<T extends string>(cell: CellValue, choice: Choice<T>): ReadResult<T> {
  return readContent(cell, (content) => {
    const text = contentText(content);
    const invalid = makeNote("invalid_enum", DEFAULT_SEVERITY.invalid_enum, { allowed: choice.canonical });
    if (text === null) return readInvalid(invalid);
    const exact = choice.canonical.find((v) => v === text);
    if (exact !== undefined) return readValue(exact);
    const canonical = choice.lookup.get(looseKey(text));
    if (canonical === undefined) return readInvalid(invalid);
    return readValue(canonical, [makeNote("non_canonical", DEFAULT_SEVERITY.non_canonical, { canonical })]);
  });
}

/** Reads a cell against one of the enumerations of src/core/enums.ts (e.g. STATUSES). */
export function readEnumValue<T extends string>(cell: CellValue, values: readonly T[]): ReadResult<T> {
  return readChoice(cell, enumChoice(values));
}

export function readSupplier(cell: CellValue): ReadResult<Supplier> {
  return readChoice(cell, SUPPLIER_CHOICE);
}

/** For the custom functions: the canonical supplier for a canonical or alias spelling (case, spaces, punctuation ignored), else null. */
export function normalizeSupplier(text: string): Supplier | null {
  return matchChoice(text, SUPPLIER_CHOICE);
}

/** The canonical value of an enumeration for a spelling, else null. */
export function normalizeEnum<T extends string>(text: string, values: readonly T[]): T | null {
  return matchChoice(text, enumChoice(values));
}
