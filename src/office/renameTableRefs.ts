/**
 * Rewrites structured references in a formula when the tables they point at were given other
 * names (`Trusts[Beds]` → `Trusts_2[Beds]`). Sheet references are renamed by the core's
 * renameSheetRefs (src/core/template/rename.ts). Text inside string literals is never touched. Pure.
 */

type Renames = ReadonlyMap<string, string>;

function lookup(renames: Renames, name: string): string | undefined {
  const exact = renames.get(name);
  if (exact !== undefined) return exact;
  // Excel matches sheet and table names ignoring case.
  const lower = name.toLowerCase();
  for (const [from, to] of renames) if (from.toLowerCase() === lower) return to;
  return undefined;
}

/** Splits a formula into string literals (kept verbatim) and the code between them. */
function mapOutsideStrings(formula: string, mapCode: (code: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const quote = formula.indexOf('"', i);
    if (quote < 0) {
      out += mapCode(formula.slice(i));
      break;
    }
    out += mapCode(formula.slice(i, quote));
    // A literal ends at the next lone quote; "" inside it is an escaped quote.
    let end = quote + 1;
    while (end < formula.length) {
      if (formula[end] === '"' && formula[end + 1] === '"') end += 2;
      else if (formula[end] === '"') break;
      else end++;
    }
    out += formula.slice(quote, end + 1);
    i = end + 1;
  }
  return out;
}

const TABLE_REF = /(^|[^A-Za-z0-9_.\u00C0-\uFFFF])([A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)\[/g;

/** Structured references renamed per `renames`: `Trusts[Beds]` → `Trusts_2[Beds]`. */
export function renameTableRefs(formula: string, renames: Renames): string {
  if (renames.size === 0) return formula;
  return mapOutsideStrings(formula, (code) =>
    code.replace(TABLE_REF, (whole: string, before: string, name: string) => {
      const target = lookup(renames, name);
      return target === undefined ? whole : `${before}${target}[`;
    }),
  );
}
