/**
 * Where the user is with the return, and the one next step the pane offers, for every host: no return yet (the
 * sheet is empty or has no header row of known columns) → insert the template or pick the sheet with the trusts;
 * headers but no trust rows → fill them in; errors → fix them; none → stamp and send. A return with no trust rows
 * is never ready to send (app/verdict.ts says the same).
 */
import type { SheetData } from "../core/cells";
import { detectMapping } from "../core/headers";
import { isBlankCell } from "../core/read/presence";
import { TRUSTS_SHEET } from "../core/returnSheets";
import type { SheetInfo, WorkbookGateway } from "./gateway";

/** What returnState needs of a check (a CheckedReturn has it). */
export interface CheckedCounts {
  readonly sheet: SheetData;
  readonly result: { readonly headerRow: number | null; readonly rows: number };
  readonly errors: number;
  readonly warnings: number;
}

export type ReturnState =
  /** No header row of known columns: `empty` when the sheet has no values at all. */
  | { readonly kind: "no-return"; readonly sheet: string; readonly empty: boolean }
  /** Headers (e.g. the template just inserted) but no trust rows yet; the trusts go from `firstRow` down. */
  | { readonly kind: "no-trusts"; readonly sheet: string; readonly firstRow: number }
  | { readonly kind: "errors"; readonly sheet: string; readonly errors: number; readonly warnings: number; readonly rows: number }
  | { readonly kind: "ready"; readonly sheet: string; readonly warnings: number; readonly rows: number };

export function isEmptySheet(sheet: SheetData): boolean {
  return sheet.rows.every((row) => row.every(isBlankCell));
}

export function returnState(checked: CheckedCounts): ReturnState {
  const sheet = checked.sheet.name;
  const { headerRow, rows } = checked.result;
  if (headerRow === null) return { kind: "no-return", sheet, empty: isEmptySheet(checked.sheet) };
  // Errors of the ICS sheet count even before the first trust is entered, but the first step is the trusts.
  if (rows === 0) return { kind: "no-trusts", sheet, firstRow: headerRow + 1 };
  if (checked.errors > 0) return { kind: "errors", sheet, errors: checked.errors, warnings: checked.warnings, rows };
  return { kind: "ready", sheet, warnings: checked.warnings, rows };
}

/** The next step, one sentence for the pane. */
export function nextStep(state: ReturnState): string {
  switch (state.kind) {
    case "no-return":
      return state.empty
        ? `No return yet: "${state.sheet}" is empty. Insert the template, or pick the sheet with your trusts.`
        : `No return yet: "${state.sheet}" has no header row of the return's columns. Insert the template, or pick the sheet with your trusts.`;
    case "no-trusts":
      return `Fill in your trusts on "${state.sheet}": one trust per row, from row ${state.firstRow}.`;
    case "errors":
      return `Fix the ${state.errors === 1 ? "error" : `${state.errors} errors`} below, then validate again.`;
    case "ready":
      return "Stamp the return, then send it.";
  }
}

/** The template's trust sheet: `Trusts`, or the name inserting it again gave it (`Trusts (2)` …). */
function isTrustsName(name: string): boolean {
  return name === TRUSTS_SHEET || new RegExp(`^${TRUSTS_SHEET} \\(\\d+\\)$`).test(name);
}

export interface ExistingReturn {
  readonly sheet: string;
  readonly headerRow: number;
}

/**
 * The return already in the workbook, if any: the first `Trusts` (or `Trusts (n)`) sheet with a header row of
 * known columns. The Template view offers to go there rather than insert the template a second time.
 */
export async function findExistingReturn(reader: Pick<WorkbookGateway, "readSheet">, sheets: readonly SheetInfo[]): Promise<ExistingReturn | null> {
  for (const info of sheets.filter((s) => isTrustsName(s.name))) {
    const { headerRow } = detectMapping(await reader.readSheet(info.name));
    if (headerRow !== null) return { sheet: info.name, headerRow };
  }
  return null;
}
