/**
 * Which sheet holds the trust rows, for every host (command line, task pane, workbench, Merge's sources):
 * `--sheet` or the user's pick, else `Trusts`, else the first visible worksheet with a recognisable header row,
 * else the first visible worksheet. Hidden sheets, chart sheets, macro and dialog sheets are never chosen
 * (spec section 6), though a hidden worksheet may still be named.
 */
import type { SheetData } from "../core/cells";
import { detectMapping } from "../core/headers";
import { ICS_SHEET, isAddinSheet, SETTINGS_SHEET, STAMP_SHEET, TRUSTS_SHEET } from "../core/returnSheets";
import type { SheetInfo, SheetKind, WorkbookGateway } from "./gateway";

/** Sheets read at most to find the header row when there is no `Trusts` sheet. */
export const MAX_SHEETS_PROBED = 10;

/** A return could not be read from the workbook; the message is for users (the caller adds the file's name). */
export class ReturnReadError extends Error {
  override readonly name = "ReturnReadError";
}

const KIND_WORDS: Readonly<Record<SheetKind, string>> = { worksheet: "worksheet", chart: "chart sheet", macro: "macro sheet", dialog: "dialog sheet" };

/** Only a worksheet has cells to read trusts from; a sheet of no stated kind is one. */
export function isWorksheet(sheet: SheetInfo): boolean {
  return (sheet.kind ?? "worksheet") === "worksheet";
}

/** A sheet that may be chosen when none is named: a visible worksheet. */
function isChoosable(sheet: SheetInfo): boolean {
  return sheet.visible && isWorksheet(sheet);
}

/** The sheets a user may pick as the return's: every worksheet but the add-in's own (`_epr_stamp`, `_epr_settings`). */
export function userSheets(sheets: readonly SheetInfo[]): SheetInfo[] {
  return sheets.filter((s) => !isAddinSheet(s.name) && isWorksheet(s));
}

/**
 * The visible `Trusts` worksheet when there is one; otherwise the first visible worksheet with a recognisable
 * header row; otherwise the first visible worksheet; null when no sheet may be chosen.
 */
export function pickReturnSheet(sheets: readonly SheetInfo[], headerRowOf: (name: string) => number | null): string | null {
  const choosable = sheets.filter(isChoosable);
  const trusts = choosable.find((s) => s.name === TRUSTS_SHEET);
  if (trusts) return trusts.name;
  const withHeaders = choosable.find((s) => headerRowOf(s.name) !== null);
  return (withHeaders ?? choosable[0])?.name ?? null;
}

/** The sheet named by the user or --sheet: any worksheet, hidden ones included. */
function requestedSheet(sheets: readonly SheetInfo[], requested: string): SheetInfo {
  const info = sheets.find((s) => s.name === requested);
  const listed = userSheets(sheets).map((s) => s.name).join(", ");
  if (!info) throw new ReturnReadError(`no sheet named "${requested}" (sheets: ${listed})`);
  if (!isWorksheet(info)) throw new ReturnReadError(`"${requested}" is a ${KIND_WORDS[info.kind ?? "worksheet"]}, not a worksheet of trusts (sheets: ${listed})`);
  return info;
}

/** The trust sheet, chosen and read: each sheet is read at most once. */
export async function readTrustSheet(reader: Pick<WorkbookGateway, "readSheet">, sheets: readonly SheetInfo[], requested?: string): Promise<SheetData> {
  if (requested !== undefined) return reader.readSheet(requestedSheet(sheets, requested).name);
  const { name, read } = await chooseTrustSheet(reader, sheets);
  return read ?? reader.readSheet(name);
}

/** The sheet the user is offered first (reading only what the choice needs), null when none may be chosen: see readTrustSheet. */
export async function guessTrustSheet(reader: Pick<WorkbookGateway, "readSheet">, sheets: readonly SheetInfo[]): Promise<string | null> {
  if (!userSheets(sheets).some(isChoosable)) return null;
  return (await chooseTrustSheet(reader, sheets)).name;
}

/** The trust sheet's name and, when probing for header rows read it, its grid. Only visible worksheets are read. */
async function chooseTrustSheet(reader: Pick<WorkbookGateway, "readSheet">, sheets: readonly SheetInfo[]): Promise<{ name: string; read: SheetData | undefined }> {
  const choices = userSheets(sheets).filter(isChoosable);
  const read = new Map<string, SheetData>();
  if (!choices.some((s) => s.name === TRUSTS_SHEET)) {
    for (const info of choices.slice(0, MAX_SHEETS_PROBED)) {
      const data = await reader.readSheet(info.name);
      read.set(info.name, data);
      if (detectMapping(data).headerRow !== null) break;
    }
  }
  const chosen = pickReturnSheet(choices, (name) => {
    const data = read.get(name);
    return data ? detectMapping(data).headerRow : null;
  });
  if (chosen === null) {
    throw new ReturnReadError(
      sheets.length === 0
        ? "the workbook has no sheets"
        : "the workbook has no visible worksheet to take the trusts from (hidden, chart, macro and dialog sheets are never chosen); name the sheet to read",
    );
  }
  return { name: chosen, read: read.get(chosen) };
}

/**
 * For a reader that can leave sheets out (the command line reading a file): the sheets a read of the return
 * needs when the sheets' names say which is the trust sheet, else null (read every sheet). Given only names, a
 * sheet named `Trusts` is taken to be a visible worksheet; given SheetInfo, a hidden or non-worksheet `Trusts`
 * is not the trust sheet, so every sheet is read to choose another.
 */
export function sheetsNeeded(sheets: readonly (string | SheetInfo)[], requested?: string): ReadonlySet<string> | null {
  const infos = sheets.map((s): SheetInfo => (typeof s === "string" ? { name: s, visible: true } : s));
  const trusts = requested ?? (infos.some((s) => s.name === TRUSTS_SHEET && isChoosable(s)) ? TRUSTS_SHEET : null);
  if (trusts === null || !infos.some((s) => s.name === trusts)) return null;
  return new Set([trusts, ICS_SHEET, SETTINGS_SHEET, STAMP_SHEET]);
}
