/**
 * The workbook part (xl/workbook.xml): its sheets in order (name, state, relationship id), its date
 * system and its defined names. Small: streamed like every part all the same.
 */
import type { DefinedName, SheetState } from "../types";
import type { ZipArchive, ZipEntry } from "../zip";
import { isTruthy, relationshipId, wholeNumber } from "./attributes";
import type { ReadBudget } from "./budget";
import { damagedPart, parseXmlPart } from "./xmlStream";

export interface WorkbookSheet {
  readonly name: string;
  readonly state: SheetState;
  readonly relationshipId: string | undefined;
}

export interface WorkbookPart {
  /** Every <sheet>, chart sheets included (localSheetId counts them too). */
  readonly sheets: readonly WorkbookSheet[];
  readonly date1904: boolean;
  readonly definedNames: readonly DefinedName[];
  /** Whether the workbook defines any name, kept or not. */
  readonly hasDefinedNames: boolean;
}

/** Defined names kept: Excel workbooks rarely hold more than a few hundred. */
const MAX_DEFINED_NAMES = 10_000;
/** Excel's own limit on a formula's length; a longer "formula" is not Excel's and is left out. */
const MAX_FORMULA_CHARS = 8_192;
/** Excel allows 31 characters; other programs a few more. A longer name is not a workbook's. */
const MAX_SHEET_NAME_CHARS = 255;

function stateOf(value: string | undefined): SheetState {
  if (value === "hidden") return "hidden";
  if (value === "veryHidden") return "veryHidden";
  return "visible";
}

interface PendingName {
  name: string;
  localSheetId: number | undefined;
  formula: string;
}

export function readWorkbookPart(archive: ZipArchive, entry: ZipEntry, budget: ReadBudget): WorkbookPart {
  const sheets: WorkbookSheet[] = [];
  const pendingNames: PendingName[] = [];
  let date1904 = false;
  let hasDefinedNames = false;
  let pending: PendingName | null = null;
  parseXmlPart(archive, entry, {
    open(name, attributes) {
      if (name === "sheet") {
        if (sheets.length >= budget.limits.maxSheets) budget.tooBig("sheets", budget.limits.maxSheets);
        const sheetName = attributes.get("name") ?? "";
        if (sheetName.length > MAX_SHEET_NAME_CHARS) throw damagedPart(entry.name, `names a sheet with more than ${MAX_SHEET_NAME_CHARS} characters`);
        budget.countText(sheetName.length);
        sheets.push({ name: sheetName, state: stateOf(attributes.get("state")), relationshipId: relationshipId(attributes) });
      } else if (name === "workbookPr") {
        date1904 = isTruthy(attributes.get("date1904"));
      } else if (name === "definedName") {
        hasDefinedNames = true;
        if (pendingNames.length < MAX_DEFINED_NAMES) pending = { name: attributes.get("name") ?? "", localSheetId: wholeNumber(attributes.get("localSheetId")), formula: "" };
      }
    },
    wantsText: () => pending !== null,
    text(text) {
      // Appending stops one piece past the limit: such a name is dropped when it closes.
      if (pending && pending.formula.length <= MAX_FORMULA_CHARS) pending.formula += text;
    },
    close(name) {
      if (name !== "definedName" || !pending) return;
      if (pending.formula.length <= MAX_FORMULA_CHARS) {
        budget.countText(pending.name.length + pending.formula.length);
        pendingNames.push(pending);
      }
      pending = null;
    },
  });
  const definedNames = pendingNames.map(({ name, localSheetId, formula }): DefinedName => ({
    name,
    sheet: localSheetId === undefined ? null : (sheets[localSheetId]?.name ?? null),
    formula,
  }));
  return { sheets, date1904, definedNames, hasDefinedNames };
}
