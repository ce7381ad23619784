/**
 * The returns the Merge view reads: a sheet of this workbook, or a workbook file the user picked (opened by
 * the host's file opener, which the entry point provides). Each is read and checked as every host reads a
 * return (checkReturn.ts), so the view can show what it found before anything is merged.
 */
import type { IsoDate } from "../core/dates";
import { TRUSTS_SHEET } from "../core/returnSheets";
import { checkReturn, type CheckedReturn, type WorkbookReader } from "./checkReturn";
import type { WorkbookGateway } from "./gateway";
import { THIS_WORKBOOK, type MergeTarget } from "./mergePlan";

/** A checked return and where it came from, e.g. `north.xlsx` or `This workbook`. */
export interface PickedReturn extends CheckedReturn {
  readonly origin: string;
}

/** Opens a workbook file the user picked, from its bytes and name (the entry points give exceljs, loaded on first use). */
export type OpenWorkbookFile = (bytes: ArrayBuffer, name: string) => Promise<WorkbookReader>;

/** Reads and checks the named sheet of `reader` (or its trust sheet when none is named). */
export async function readPickedReturn(reader: WorkbookReader, origin: string, today: IsoDate, sheet?: string): Promise<PickedReturn> {
  const checked = await checkReturn(reader, sheet === undefined ? { today } : { sheet, today });
  return { ...checked, origin };
}

/** A picked file's return; a file with no sheet of trust rows is refused with a message naming it. */
export async function readPickedFile(reader: WorkbookReader, origin: string, today: IsoDate): Promise<PickedReturn> {
  const read = await readPickedReturn(reader, origin, today);
  if (read.mapping.mapping.headerRow === null) {
    throw new Error(`${origin} has no sheet of trust rows (no ${TRUSTS_SHEET} sheet, and no sheet with a header row of known columns).`);
  }
  return read;
}

/** This workbook's Trusts sheet as the merge target, or null when the workbook has none (insert the template first). */
export async function readMergeTarget(gateway: WorkbookGateway, today: IsoDate): Promise<MergeTarget | null> {
  if (!(await gateway.listSheets()).some((s) => s.name === TRUSTS_SHEET)) return null;
  const read = await readPickedReturn(gateway, THIS_WORKBOOK, today, TRUSTS_SHEET);
  const { mapping } = read.mapping;
  if (mapping.headerRow === null) throw new Error(`The ${TRUSTS_SHEET} sheet has no header row of known columns, so the add-in cannot tell where each value goes: insert the template into a new workbook, or fix the headers.`);
  return { sheet: TRUSTS_SHEET, mapping, result: read.result };
}
