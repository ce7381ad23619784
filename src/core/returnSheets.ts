/** The names of a return's sheets and of the add-in's own sheets, as every host sees them. */

export const TRUSTS_SHEET = "Trusts";
export const ICS_SHEET = "ICS";

/** The add-in's own very hidden sheets (`_epr_stamp`, `_epr_settings`) start with this prefix. */
export const ADDIN_SHEET_PREFIX = "_epr_";

/** The very hidden sheet holding the validation stamp (its layout: core/stamp/sheetLayout.ts). */
export const STAMP_SHEET = `${ADDIN_SHEET_PREFIX}stamp`;

/** The very hidden sheet holding the add-in's workbook settings (the column mappings, the marks record). */
export const SETTINGS_SHEET = `${ADDIN_SHEET_PREFIX}settings`;

/** Sheets the add-in keeps for itself: never offered as a return's sheet. */
export function isAddinSheet(name: string): boolean {
  return name.toLowerCase().startsWith(ADDIN_SHEET_PREFIX);
}

/** Excel's sheet names ignore case: `trusts` and `Trusts` are the same sheet. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
