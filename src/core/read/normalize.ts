/** The loose comparison key of spec sections 5 and 6: case, spaces and punctuation ignored. */

/** "Matched 50/50" → "matched5050"; "In-house" → "inhouse". Letters and digits of any script are kept. */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** A lookup from loose key to canonical value. Always a Map: header text such as `__proto__` must not reach an object's prototype. */
export function looseLookup<T extends string>(entries: readonly (readonly [spelling: string, canonical: T])[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [spelling, canonical] of entries) {
    const key = looseKey(spelling);
    // The first spelling wins, so a canonical value is never shadowed by a later alias.
    if (key !== "" && !map.has(key)) map.set(key, canonical);
  }
  return map;
}
