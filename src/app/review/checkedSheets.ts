/** The sheets a check read issues from: the trust sheet, and the ICS sheet when the workbook has one. Pure. */
import type { CheckedReturn } from "../checkReturn";
import { ICS_SHEET } from "../../core/returnSheets";

export function checkedSheets(check: Pick<CheckedReturn, "sheet" | "ics">): string[] {
  // readReturnSheets reads the ICS sheet only under exactly this name.
  return check.ics === null ? [check.sheet.name] : [ICS_SHEET, check.sheet.name];
}
