/**
 * The hidden `Lists` sheet: one column per allowed-values list (canonical spellings from
 * ../enums), plus the target profiles with their as-of dates and minimum shares, which the
 * Summary formulas look up. Dropdowns point at these ranges, never at literal lists.
 */
import { columnLetters } from "../cells";
import { serialFromIso } from "../dates";
import { FUNDING_MODELS, PLANS, STAGES, STATUSES, SUPPLIERS, TRUST_TYPES } from "../enums";
import { PROFILES } from "../profiles";
import { PROFILE_NAMES } from "../schema";
import type { TemplateCell, TemplateSheet } from "./types";
import { DATE_FORMAT, SHEET } from "./layout";

export type ListKey = "trustType" | "eprStatus" | "plan" | "businessCaseStage" | "fundingModel" | "supplier" | "targetProfile";

export interface ListDef {
  readonly key: ListKey;
  readonly header: string;
  readonly values: readonly string[];
}

/** In Lists column order (A, B, ...). */
export const LISTS: readonly ListDef[] = [
  { key: "trustType", header: "Trust type", values: TRUST_TYPES },
  { key: "eprStatus", header: "EPR status", values: STATUSES },
  { key: "plan", header: "Convergence plan", values: PLANS },
  { key: "businessCaseStage", header: "Business case stage", values: STAGES },
  { key: "fundingModel", header: "Funding model", values: FUNDING_MODELS },
  { key: "supplier", header: "EPR supplier", values: SUPPLIERS },
  { key: "targetProfile", header: "Target profile", values: PROFILE_NAMES },
];

/** Row of every list's first value (row 1 holds the headers). */
export const LIST_FIRST_ROW = 2;

function listIndex(key: ListKey): number {
  const index = LISTS.findIndex((l) => l.key === key);
  if (index < 0) throw new Error(`unknown list ${key}`);
  return index;
}

function listDef(key: ListKey): ListDef {
  const def = LISTS[listIndex(key)];
  if (!def) throw new Error(`unknown list ${key}`);
  return def;
}

/** Absolute range of a list on Lists without sheet, e.g. `$F$2:$F$16`. */
function absoluteRange(col: number, count: number): string {
  const letters = columnLetters(col);
  return `$${letters}$${LIST_FIRST_ROW}:$${letters}$${LIST_FIRST_ROW + count - 1}`;
}

/** A list's range with the sheet, e.g. `Lists!$F$2:$F$16`. */
export function listRange(key: ListKey): string {
  return `${SHEET.lists}!${absoluteRange(listIndex(key) + 1, listDef(key).values.length)}`;
}

/** A dropdown's source: the list's range as a formula, e.g. `=Lists!$F$2:$F$16`. */
export function listSource(key: ListKey): string {
  return `=${listRange(key)}`;
}

/** The profile table sits right of the profile names: as-of date, minimum installed share, minimum covered share. */
export type ProfileField = "asOf" | "minInstalledShare" | "minCoveredShare";
const PROFILE_FIELDS: readonly { readonly field: ProfileField; readonly header: string }[] = [
  { field: "asOf", header: "Target date" },
  { field: "minInstalledShare", header: "Minimum installed share" },
  { field: "minCoveredShare", header: "Minimum covered share" },
];

/** Range of one profile field, aligned row for row with `listRange("targetProfile")`. */
export function profileFieldRange(field: ProfileField): string {
  const offset = PROFILE_FIELDS.findIndex((f) => f.field === field) + 1;
  return `${SHEET.lists}!${absoluteRange(listIndex("targetProfile") + 1 + offset, PROFILE_NAMES.length)}`;
}

export function buildListsSheet(): TemplateSheet {
  const cells: TemplateCell[] = [];
  const columnWidths: Record<number, number> = {};
  LISTS.forEach((list, i) => {
    const col = i + 1;
    cells.push({ address: `${columnLetters(col)}1`, value: list.header, bold: true });
    list.values.forEach((value, j) => cells.push({ address: `${columnLetters(col)}${LIST_FIRST_ROW + j}`, value }));
    columnWidths[col] = Math.max(14, list.header.length + 2, ...list.values.map((v) => v.length + 2));
  });
  const profileCol = listIndex("targetProfile") + 1;
  PROFILE_FIELDS.forEach(({ field, header }, i) => {
    const letters = columnLetters(profileCol + 1 + i);
    cells.push({ address: `${letters}1`, value: header, bold: true });
    PROFILE_NAMES.forEach((name, j) => {
      const profile = PROFILES[name];
      const address = `${letters}${LIST_FIRST_ROW + j}`;
      if (field === "asOf") cells.push({ address, value: serialFromIso(profile.asOf), numFmt: DATE_FORMAT });
      else cells.push({ address, value: profile[field] });
    });
    columnWidths[profileCol + 1 + i] = header.length + 2;
  });
  return { name: SHEET.lists, visibility: "hidden", cells, columnWidths };
}
