/**
 * The column mapping the user chose in the Columns view, remembered in the workbook under `mapping:<sheet>`.
 * A stored value is untrusted (another version of the add-in, or a hand-edited file may have written it):
 * it is checked with zod, and used only while the sheet's header cells still say what they said then.
 *
 * Renamed sheets. The key holds the sheet's name, which the user can change. When nothing is saved under the
 * sheet's current name, a mapping saved for a sheet the workbook no longer has is adopted if its headers fit this
 * sheet (mappingFitsSheet) and no other such mapping fits differently (loadSavedMapping); the Columns view then
 * saves it under the new name and removes the old key the next time the mapping is saved (saveMapping). Every host
 * reads it so: app/checkReturn.ts (the command line, the workbench, the add-in and Merge's sources) and the Columns
 * view both call loadSavedMapping. docs/decisions.md, "Settings keyed by sheet name".
 */
import { z } from "zod";
import { cellAt } from "../../core/cells";
import type { SheetData } from "../../core/cells";
import { COLUMN_KEYS } from "../../core/columns";
import type { ColumnMapping } from "../../core/results";
import { sameSheetName } from "../../core/returnSheets";
import type { SheetInfo, WorkbookGateway } from "../gateway";

const MAPPING_PREFIX = "mapping:";

export function mappingSettingKey(sheet: string): string {
  return `${MAPPING_PREFIX}${sheet}`;
}

/** The sheet a mapping key is for, or null when the key is not a mapping's. */
export function sheetOfMappingKey(key: string): string | null {
  return key.startsWith(MAPPING_PREFIX) ? key.slice(MAPPING_PREFIX.length) : null;
}

const ColumnMappingSchema = z.object({
  headerRow: z.number().int().positive().nullable(),
  headers: z.array(
    z.object({
      col: z.number().int().positive(),
      cell: z.string(),
      text: z.string(),
      key: z.enum(COLUMN_KEYS).nullable(),
    }),
  ),
});

export type MappingSource = "saved" | "detected";

export interface ChosenMapping {
  readonly mapping: ColumnMapping;
  readonly source: MappingSource;
  /** Why a saved mapping was not used, when there was one; or, when it was adopted, where it came from. */
  readonly note?: string;
  /** The mapping used was saved for this sheet, no longer in the workbook (renamed since): see loadSavedMapping. */
  readonly adoptedFrom?: string;
}

function cellText(sheet: SheetData, row: number, col: number): string {
  const value = cellAt(sheet, row, col);
  return value === null ? "" : String(value).trim();
}

/** True when every header the mapping names is still in the same cell with the same text. */
export function mappingFitsSheet(mapping: ColumnMapping, sheet: SheetData): boolean {
  const { headerRow } = mapping;
  if (headerRow === null) return false;
  return mapping.headers.every((h) => cellText(sheet, headerRow, h.col) === h.text.trim());
}

/** The saved mapping when it is valid and still fits the sheet, otherwise the detected one (with a note why). */
export function chooseMapping(saved: unknown, sheet: SheetData, detected: ColumnMapping): ChosenMapping {
  if (saved === null || saved === undefined) return { mapping: detected, source: "detected" };
  const parsed = ColumnMappingSchema.safeParse(saved);
  if (!parsed.success) {
    return { mapping: detected, source: "detected", note: "The mapping saved in this workbook could not be read, so the detected one is used." };
  }
  if (!mappingFitsSheet(parsed.data, sheet)) {
    return { mapping: detected, source: "detected", note: "The headers have changed since the mapping was saved, so the detected one is used." };
  }
  return { mapping: parsed.data, source: "saved" };
}

/** What the workbook has saved for a sheet's mapping. */
export interface SavedMapping {
  /** The stored value (unchecked), or undefined when there is none. */
  readonly value: unknown;
  /** Set when the value was saved for another sheet, no longer in the workbook, and adopted for this one. */
  readonly adoptedFrom?: string;
}

/** All loadSavedMapping needs of a gateway. */
export type MappingReader = Pick<WorkbookGateway, "loadSetting" | "settingKeys">;

/**
 * The mapping saved for the sheet: under its name (in any case, as Excel's sheet names ignore case); else the one
 * mapping saved for a sheet that `sheets` (the workbook's sheets now) no longer holds whose headers fit this sheet
 * (several such that differ: none is adopted). One loadSetting when the sheet's own key has a value; otherwise one
 * settingKeys and one loadSetting per key looked at.
 */
export async function loadSavedMapping(reader: MappingReader, sheet: SheetData, sheets: readonly SheetInfo[]): Promise<SavedMapping> {
  const own = await reader.loadSetting(mappingSettingKey(sheet.name));
  if (own !== undefined) return { value: own };
  const keys = await reader.settingKeys();
  const sameSheet = keys.find((key) => {
    const of = sheetOfMappingKey(key);
    return of !== null && of !== sheet.name && sameSheetName(of, sheet.name);
  });
  if (sameSheet !== undefined) return { value: await reader.loadSetting(sameSheet) };
  const fitting: { readonly from: string; readonly value: unknown; readonly json: string }[] = [];
  for (const key of keys) {
    const from = sheetOfMappingKey(key);
    if (from === null || sheets.some((s) => sameSheetName(s.name, from))) continue;
    const value = await reader.loadSetting(key);
    const parsed = ColumnMappingSchema.safeParse(value);
    if (parsed.success && mappingFitsSheet(parsed.data, sheet)) fitting.push({ from, value, json: JSON.stringify(parsed.data) });
  }
  const first = fitting[0];
  if (first === undefined || fitting.some((f) => f.json !== first.json)) return { value: undefined };
  return { value: first.value, adoptedFrom: first.from };
}

/** chooseMapping over what loadSavedMapping found, saying when the mapping was adopted from a renamed sheet. */
export function chooseSavedMapping(saved: SavedMapping, sheet: SheetData, detected: ColumnMapping): ChosenMapping {
  const chosen = chooseMapping(saved.value, sheet, detected);
  if (saved.adoptedFrom === undefined || chosen.source !== "saved") return chosen;
  return {
    ...chosen,
    adoptedFrom: saved.adoptedFrom,
    note: `The mapping saved for the sheet "${saved.adoptedFrom}", which is no longer in the workbook (renamed?), fits these headers, so it is used. It is saved under this sheet's name when you next change the mapping.`,
  };
}

/**
 * Saves the sheet's mapping under its name; a mapping adopted from a sheet no longer in the workbook (`adoptedFrom`)
 * then loses its old key, so it is not adopted again elsewhere.
 */
export async function saveMapping(gateway: Pick<WorkbookGateway, "saveSetting">, sheet: string, mapping: ColumnMapping, adoptedFrom?: string): Promise<void> {
  await gateway.saveSetting(mappingSettingKey(sheet), mapping);
  if (adoptedFrom !== undefined && adoptedFrom !== sheet) await gateway.saveSetting(mappingSettingKey(adoptedFrom), undefined);
}
