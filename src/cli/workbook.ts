/** Opening a return for the command line: the file, the trust sheet, the ICS details. */
import type ExcelJS from "exceljs";
import type { SheetData } from "../core/cells";
import { detectMapping } from "../core/headers";
import { readIcsSheet } from "../core/ics";
import type { IcsReadResult } from "../core/results";
import { ICS_SHEET, pickReturnSheet, TRUSTS_SHEET } from "../core/returnSheets";
import { loadWorkbookFile } from "../files/nodeFile";
import { listSheetInfo, sheetToGrid } from "../files/read";
import { FileError } from "./io";

/** The sheets of a return that validate and score read. */
export interface ReadReturn {
  readonly file: string;
  readonly sheet: SheetData;
  /** Null when the workbook has no `ICS` sheet (or the trust sheet is the ICS sheet). */
  readonly ics: IcsReadResult | null;
}

export interface OpenedReturn extends ReadReturn {
  readonly workbook: ExcelJS.Workbook;
}

/** The whole workbook, for commands that change or copy it (stamp, export). */
export async function openReturn(file: string, sheetName: string | undefined): Promise<OpenedReturn> {
  const workbook = await loadWorkbook(file);
  return { ...chooseSheets(file, workbook, sheetName), workbook };
}

/**
 * Only the trust sheet and the ICS sheet, for commands that read and do not write (validate,
 * score, merge's sources). When the trust sheet can be told from the sheet names alone (--sheet,
 * or a sheet named Trusts), the other sheets are not loaded at all: exceljs parsing the template's
 * hidden Calc sheet and the rest was a fifth of `validate`'s time (docs/benchmarks.md). The result
 * is the same as openReturn's; should exceljs name the sheets otherwise than workbook.xml seemed
 * to, the whole workbook is loaded after all.
 */
export async function readReturn(file: string, sheetName: string | undefined): Promise<ReadReturn> {
  // The trust sheet the names alone show; null when every sheet is loaded.
  const picked: { name: string | null } = { name: null };
  const workbook = await loadWorkbook(file, (names) => {
    const trusts = sheetName ?? (names.includes(TRUSTS_SHEET) ? TRUSTS_SHEET : null);
    picked.name = trusts !== null && names.includes(trusts) ? trusts : null;
    return picked.name === null ? null : new Set([picked.name, ICS_SHEET]);
  });
  const loaded = listSheetInfo(workbook).map((info) => info.name);
  // With sheets left out, exceljs must have found the trust sheet under that very name.
  if (picked.name === null || loaded.includes(picked.name)) return chooseSheets(file, workbook, sheetName);
  const { workbook: _whole, ...read } = await openReturn(file, sheetName);
  return read;
}

function chooseSheets(file: string, workbook: ExcelJS.Workbook, sheetName: string | undefined): ReadReturn {
  const infos = listSheetInfo(workbook);
  const grids = new Map<string, SheetData>();
  const grid = (name: string): SheetData => {
    let g = grids.get(name);
    if (!g) {
      const ws = workbook.getWorksheet(name);
      if (!ws) throw new FileError(file, `no sheet named "${name}"`);
      g = sheetToGrid(ws);
      grids.set(name, g);
    }
    return g;
  };
  const chosen = sheetName ?? pickReturnSheet(infos, (name) => detectMapping(grid(name)).headerRow);
  if (chosen === null) throw new FileError(file, "the workbook has no sheets");
  if (!infos.some((s) => s.name === chosen)) {
    throw new FileError(file, `no sheet named "${chosen}" (sheets: ${infos.map((s) => s.name).join(", ")})`);
  }
  const hasIcs = chosen !== ICS_SHEET && infos.some((s) => s.name === ICS_SHEET);
  return { file, sheet: grid(chosen), ics: hasIcs ? readIcsSheet(grid(ICS_SHEET)) : null };
}

async function loadWorkbook(file: string, sheetsToRead?: (names: readonly string[]) => ReadonlySet<string> | null): Promise<ExcelJS.Workbook> {
  try {
    return await loadWorkbookFile(file, sheetsToRead);
  } catch (err) {
    throw new FileError(file, err instanceof Error ? err.message : String(err));
  }
}
