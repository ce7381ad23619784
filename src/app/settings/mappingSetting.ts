/**
 * The column mapping the user chose in the Columns view, remembered in the workbook under `mapping:<sheet>`.
 * A stored value is untrusted (another version of the add-in, or a hand-edited file may have written it):
 * it is checked with zod, and used only while the sheet's header cells still say what they said then.
 */
import { z } from "zod";
import { cellAt } from "../../core/cells";
import type { SheetData } from "../../core/cells";
import { COLUMN_KEYS } from "../../core/columns";
import type { ColumnMapping } from "../../core/results";

export function mappingSettingKey(sheet: string): string {
  return `mapping:${sheet}`;
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
  /** Why a saved mapping was not used, when there was one. */
  readonly note?: string;
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
