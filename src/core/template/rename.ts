/**
 * Sheet references in formulas, for when the template's sheets get other names (inserted next
 * to existing sheets): `Trusts!A2` becomes `'Trusts (2)'!A2`. A small scanner, so that text in
 * string literals ("...") is never touched.
 */

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** Names that look like a cell (A1, XFD1048576) or R1C1 reference must be quoted. */
const LOOKS_LIKE_REF = /^([A-Za-z]{1,3}\d+|[Rr]\d*([Cc]\d*)?|[Cc]\d*)$/;

/** A sheet name as it must appear before `!` in a formula. */
export function quoteSheetName(name: string): string {
  if (BARE_NAME.test(name) && !LOOKS_LIKE_REF.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

const isNameChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_.]/.test(ch);

/**
 * Rewrites the sheet references in a formula (with or without a leading `=`) whose sheet is a key
 * of `names`, matching names ignoring case as Excel does. Each reference is rewritten once, so
 * chained renames (A → B, B → C) never compound.
 */
export function renameSheetRefs(formula: string, names: Readonly<Record<string, string>>): string {
  const byLowerName = new Map(Object.entries(names).map(([from, to]) => [from.toLowerCase(), to]));
  if (byLowerName.size === 0) return formula;
  const rename = (sheet: string): string => quoteSheetName(byLowerName.get(sheet.toLowerCase()) ?? sheet);
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal; "" inside is an escaped quote.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) {
        name += formula[j];
        j += formula[j] === "'" ? 2 : 1;
      }
      out += formula[j + 1] === "!" ? rename(name) : formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch !== undefined && /[A-Za-z_]/.test(ch) && !isNameChar(formula[i - 1])) {
      let j = i;
      while (isNameChar(formula[j])) j++;
      const word = formula.slice(i, j);
      out += formula[j] === "!" ? rename(word) : word;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
