/** Which sheet holds the trust rows when the user names none (CLI, task pane, workbench alike). */

export const TRUSTS_SHEET = "Trusts";
export const ICS_SHEET = "ICS";

/**
 * The `Trusts` sheet when there is one; otherwise the first visible sheet with a
 * recognisable header row; otherwise the first visible sheet; null for no sheets.
 */
export function pickReturnSheet(
  sheets: readonly { readonly name: string; readonly visible: boolean }[],
  headerRowOf: (name: string) => number | null,
): string | null {
  const trusts = sheets.find((s) => s.name === TRUSTS_SHEET);
  if (trusts) return trusts.name;
  const visible = sheets.filter((s) => s.visible);
  const withHeaders = visible.find((s) => headerRowOf(s.name) !== null);
  return (withHeaders ?? visible[0] ?? sheets[0])?.name ?? null;
}

/** The add-in's own very hidden sheets (`_epr_stamp`, `_epr_settings`) start with this prefix. */
export const ADDIN_SHEET_PREFIX = "_epr_";

/** Sheets the add-in keeps for itself: never offered as a return's sheet. */
export function isAddinSheet(name: string): boolean {
  return name.startsWith(ADDIN_SHEET_PREFIX);
}
