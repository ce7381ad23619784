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
  /** Each canonical value by its exact spelling. */
  readonly exact: ReadonlyMap<string, T>;
  /**
   * What readChoice gave for each (trimmed) text read so far: a sheet repeats the same few
   * spellings down thousands of rows, and results are read-only, so one is shared by them all.
   */
  readonly read: Map<string, ReadResult<T>>;
}

/** Texts remembered per choice: enough for any real sheet, bounded for a hostile one. */
const REMEMBERED_TEXTS = 4096;

export function choiceOf<T extends string>(canonical: readonly T[], aliases: readonly (readonly [string, T])[] = []): Choice<T> {
  return {
    canonical,
    lookup: looseLookup([...canonical.map((v) => [v, v] as const), ...aliases]),
    exact: new Map(canonical.map((v) => [v, v] as const)),
    read: new Map(),
  };
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

function invalidChoice<T extends string>(choice: Choice<T>): ReadResult<T> {
  return readInvalid(makeNote("invalid_enum", DEFAULT_SEVERITY.invalid_enum, { allowed: choice.canonical }));
}

/** Text read against the choice: exact, loose (non_canonical) or invalid_enum. */
function readChoiceText<T extends string>(text: string, choice: Choice<T>): ReadResult<T> {
  const exact = choice.exact.get(text);
  if (exact !== undefined) return readValue(exact);
  const canonical = choice.lookup.get(looseKey(text));
  if (canonical === undefined) return invalidChoice(choice);
  return readValue(canonical, [makeNote("non_canonical", DEFAULT_SEVERITY.non_canonical, { canonical })]);
}

export function readChoice<T extends string>(cell: CellValue, choice: Choice<T>): ReadResult<T> {
  return readContent(cell, (content) => {
    const text = contentText(content);
    if (text === null) return invalidChoice(choice);
    const known = choice.read.get(text);
    if (known !== undefined) return known;
    const result = readChoiceText(text, choice);
    if (choice.read.size < REMEMBERED_TEXTS) choice.read.set(text, result);
    return result;
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
