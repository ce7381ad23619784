/** Choosing names that do not clash with what the workbook already has. Pure. */

/** What inserting the template would do: each template sheet and the name it would get. */
export interface TemplatePlan {
  readonly sheets: readonly { readonly templateName: string; readonly name: string; readonly renamed: boolean }[];
}

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

function takenSet(taken: Iterable<string>): Set<string> {
  return new Set([...taken].map((n) => n.toLowerCase()));
}

/**
 * `wanted` when no sheet has that name (Excel compares names ignoring case), otherwise
 * "wanted (2)", "wanted (3)", … shortened where needed to stay within 31 characters.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const names = takenSet(taken);
  if (!names.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

/** Table names are workbook-wide and may not hold spaces: "Trusts" → "Trusts_2", … */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  const names = takenSet(taken);
  if (!names.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}_${n}`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

/** Each template sheet's name in this workbook: its own where free, else the next free "(n)" name. */
export function planSheetNames(templateNames: readonly string[], existing: readonly string[]): TemplatePlan {
  const taken = [...existing];
  const sheets = templateNames.map((templateName) => {
    const name = uniqueSheetName(templateName, taken);
    taken.push(name);
    return { templateName, name, renamed: name !== templateName };
  });
  return { sheets };
}
