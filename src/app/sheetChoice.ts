/**
 * Which sheet holds the trust rows, for every host (command line, task pane, workbench, Merge's sources):
 * `--sheet` or the user's pick, else `Trusts`, else the first visible sheet with a recognisable header row,
 * else the first visible sheet.
 */
import type { SheetData } from "../core/cells";
import { detectMapping } from "../core/headers";
import { ICS_SHEET, isAddinSheet, SETTINGS_SHEET, STAMP_SHEET, TRUSTS_SHEET } from "../core/returnSheets";
import type { SheetInfo, WorkbookGateway } from "./gateway";

/** Sheets read at most to find the header row when there is no `Trusts` sheet. */
export const MAX_SHEETS_PROBED = 10;

/** A return could not be read from the workbook; the message is for users (the caller adds the file's name). */
export class ReturnReadError extends Error {
  override readonly name = "ReturnReadError";
}

/** The sheets a user may pick as the return's: every sheet but the add-in's own (`_epr_stamp`, `_epr_settings`). */
export function userSheets(sheets: readonly SheetInfo[]): SheetInfo[] {
  return sheets.filter((s) => !isAddinSheet(s.name));
}

/**
 * The `Trusts` sheet when there is one; otherwise the first visible sheet with a recognisable header row;
 * otherwise the first visible sheet; null for no sheets.
 */
export function pickReturnSheet(sheets: readonly SheetInfo[], headerRowOf: (name: string) => number | null): string | null {
  const trusts = sheets.find((s) => s.name === TRUSTS_SHEET);
  if (trusts) return trusts.name;
  const visible = sheets.filter((s) => s.visible);
  const withHeaders = visible.find((s) => headerRowOf(s.name) !== null);
  return (withHeaders ?? visible[0] ?? sheets[0])?.name ?? null;
}

/** The trust sheet, chosen and read: each sheet is read at most once. */
export async function readTrustSheet(reader: Pick<WorkbookGateway, "readSheet">, sheets: readonly SheetInfo[], requested?: string): Promise<SheetData> {
  if (requested !== undefined) {
    if (!sheets.some((s) => s.name === requested)) {
      throw new ReturnReadError(`no sheet named "${requested}" (sheets: ${userSheets(sheets).map((s) => s.name).join(", ")})`);
    }
    return reader.readSheet(requested);
  }
  const { name, read } = await chooseTrustSheet(reader, sheets);
  return read ?? reader.readSheet(name);
}

/** The sheet the user is offered first (reading only what the choice needs): see readTrustSheet. */
export async function guessTrustSheet(reader: Pick<WorkbookGateway, "readSheet">, sheets: readonly SheetInfo[]): Promise<string | null> {
  if (userSheets(sheets).length === 0) return null;
  return (await chooseTrustSheet(reader, sheets)).name;
}

/** The trust sheet's name and, when probing for header rows read it, its grid. */
async function chooseTrustSheet(reader: Pick<WorkbookGateway, "readSheet">, sheets: readonly SheetInfo[]): Promise<{ name: string; read: SheetData | undefined }> {
  const choices = userSheets(sheets);
  const read = new Map<string, SheetData>();
  if (!choices.some((s) => s.name === TRUSTS_SHEET)) {
    for (const info of choices.filter((s) => s.visible).slice(0, MAX_SHEETS_PROBED)) {
      const data = await reader.readSheet(info.name);
      read.set(info.name, data);
      if (detectMapping(data).headerRow !== null) break;
    }
  }
  const chosen = pickReturnSheet(choices, (name) => {
    const data = read.get(name);
    return data ? detectMapping(data).headerRow : null;
  });
  if (chosen === null) throw new ReturnReadError("the workbook has no sheets");
  return { name: chosen, read: read.get(chosen) };
}

/**
 * For a reader that can leave sheets out (the command line reading a file): the sheets a read of the return
 * needs when their names alone say which is the trust sheet, else null (read every sheet).
 */
export function sheetsNeeded(names: readonly string[], requested?: string): ReadonlySet<string> | null {
  const trusts = requested ?? (names.includes(TRUSTS_SHEET) ? TRUSTS_SHEET : null);
  if (trusts === null || !names.includes(trusts)) return null;
  return new Set([trusts, ICS_SHEET, SETTINGS_SHEET, STAMP_SHEET]);
}
