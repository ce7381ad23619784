/** Opening a return for the command line: the file, the trust sheet, the ICS details. */
import type ExcelJS from "exceljs";
import type { SheetData } from "../core/cells";
import { detectMapping } from "../core/headers";
import { readIcsSheet } from "../core/ics";
import type { IcsReadResult } from "../core/results";
import { ICS_SHEET, pickReturnSheet } from "../core/sheetChoice";
import { loadWorkbookFile } from "../xlsx/file";
import { listSheetInfo, sheetToGrid } from "../xlsx/read";
import { FileError } from "./io";

export interface OpenedReturn {
  readonly file: string;
  readonly workbook: ExcelJS.Workbook;
  readonly sheet: SheetData;
  /** Null when the workbook has no `ICS` sheet (or the trust sheet is the ICS sheet). */
  readonly ics: IcsReadResult | null;
}

export async function openReturn(file: string, sheetName: string | undefined): Promise<OpenedReturn> {
  const workbook = await loadWorkbook(file);
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
  return { file, workbook, sheet: grid(chosen), ics: hasIcs ? readIcsSheet(grid(ICS_SHEET)) : null };
}

async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  try {
    return await loadWorkbookFile(file);
  } catch (err) {
    throw new FileError(file, err instanceof Error ? err.message : String(err));
  }
}
