/**
 * The hidden `Lists` sheet: one column per allowed-values list (canonical spellings from
 * ../enums), plus the target profiles with their as-of dates and minimum shares, which the
 * Summary formulas look up. Dropdowns point at these ranges, never at literal lists.
 * Lists added after the profile table sit right of it, so the columns of the earlier lists
 * and of the table (which workbooks already in use point at) never move.
 */
import { columnLetters } from "../cells";
import { serialFromIso } from "../dates";
import { FUNDING_MODELS, PLANS, REGIONS, STAGES, STATUSES, SUPPLIERS, TRUST_TYPES } from "../enums";
import { PROFILES } from "../profiles";
import { PROFILE_NAMES } from "../schema";
import type { TemplateCell, TemplateSheet } from "./types";
import { DATE_FORMAT, SHEET } from "./layout";

export type ListKey = "trustType" | "eprStatus" | "plan" | "businessCaseStage" | "fundingModel" | "supplier" | "targetProfile" | "region";

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
  { key: "region", header: "Region", values: REGIONS },
];

/** Row of every list's first value (row 1 holds the headers). */
export const LIST_FIRST_ROW = 2;

function listIndex(key: ListKey): number {
  const index = LISTS.findIndex((l) => l.key === key);
  if (index < 0) throw new Error(`unknown list ${key}`);
  return index;
}

/** The profile table's columns, right of the profile names. */
export type ProfileField = "asOf" | "minInstalledShare" | "minCoveredShare";
const PROFILE_FIELDS: readonly { readonly field: ProfileField; readonly header: string }[] = [
  { field: "asOf", header: "Target date" },
  { field: "minInstalledShare", header: "Minimum installed share" },
  { field: "minCoveredShare", header: "Minimum covered share" },
];

/** 1-based Lists column of a list: in LISTS order, skipping the profile table for the lists after it. */
function listColumn(key: ListKey): number {
  const index = listIndex(key);
  return index + 1 + (index > listIndex("targetProfile") ? PROFILE_FIELDS.length : 0);
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
  return `${SHEET.lists}!${absoluteRange(listColumn(key), listDef(key).values.length)}`;
}

/** A dropdown's source: the list's range as a formula, e.g. `=Lists!$F$2:$F$16`. */
export function listSource(key: ListKey): string {
  return `=${listRange(key)}`;
}

/** Range of one profile field, aligned row for row with `listRange("targetProfile")`. */
export function profileFieldRange(field: ProfileField): string {
  const offset = PROFILE_FIELDS.findIndex((f) => f.field === field) + 1;
  return `${SHEET.lists}!${absoluteRange(listColumn("targetProfile") + offset, PROFILE_NAMES.length)}`;
}

export function buildListsSheet(): TemplateSheet {
  const cells: TemplateCell[] = [];
  const columnWidths: Record<number, number> = {};
  LISTS.forEach((list) => {
    const col = listColumn(list.key);
    cells.push({ address: `${columnLetters(col)}1`, value: list.header, bold: true });
    list.values.forEach((value, j) => cells.push({ address: `${columnLetters(col)}${LIST_FIRST_ROW + j}`, value }));
    columnWidths[col] = Math.max(14, list.header.length + 2, ...list.values.map((v) => v.length + 2));
  });
  const profileCol = listColumn("targetProfile");
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
