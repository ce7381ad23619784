/**
 * Reads and validates the return, the way every view needs it: the trust sheet with the mapping the user
 * saved, and the ICS sheet (when the workbook has one) for the submission date, the profile and its own issues.
 */
import { todayIso } from "../core/dates";
import type { IsoDate } from "../core/dates";
import { detectMapping } from "../core/headers";
import { readIcsSheet, submissionDateFor } from "../core/ics";
import type { Issue } from "../core/issues";
import type { ValidationResult } from "../core/results";
import type { IcsDetails } from "../core/schema";
import { ICS_SHEET } from "../core/returnSheets";
import type { WorkbookGateway } from "./gateway";
import { chooseMapping, mappingSettingKey } from "./settings/mappingSetting";
import { validateOffThread } from "../worker/checkClient";

export interface ReturnCheck {
  readonly sheet: string;
  readonly result: ValidationResult;
  readonly ics: IcsDetails | null;
  /** Issues of the ICS sheet, then of the trust sheet. */
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
  readonly submitted: IsoDate;
}

export async function checkReturn(gateway: WorkbookGateway, sheet: string, today: IsoDate = todayIso()): Promise<ReturnCheck> {
  const sheets = await gateway.listSheets();
  const data = await gateway.readSheet(sheet);
  const hasIcs = sheet !== ICS_SHEET && sheets.some((s) => s.name === ICS_SHEET);
  const icsRead = hasIcs ? readIcsSheet(await gateway.readSheet(ICS_SHEET)) : null;
  const ics = icsRead?.details ?? null;
  const submitted = submissionDateFor(ics, undefined, today);
  const saved = await gateway.loadSetting(mappingSettingKey(sheet));
  const { mapping } = chooseMapping(saved, data, detectMapping(data));
  // The costly part (~650 ms for 10,000 rows) runs in a worker so the pane keeps painting meanwhile.
  const result = await validateOffThread(data, { submitted, mapping });
  const issues = [...(icsRead?.issues ?? []), ...result.issues];
  const errors = issues.filter((i) => i.severity === "error").length;
  return { sheet, result, ics, issues, errors, warnings: issues.length - errors, submitted };
}
