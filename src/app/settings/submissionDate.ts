/**
 * The submission date the user gave in the task pane for a return whose ICS sheet gives none (an ad-hoc sheet, or
 * a blank Submission date). It is stored with the return (settings sheet, SUBMISSION_DATE_SETTING), so every host's
 * check (app/checkReturn.ts: the pane, the workbench, the command line) measures the date rules from it.
 *
 * Which date the rules use, first found: the ICS sheet's Submission date, the command line's --submitted, this stored
 * date, today (spec section 4, with the stored date added before today: docs/decisions.md, "A submission date stored
 * with the return"). A stored value is untrusted (a hand edit, another version): one that is not a YYYY-MM-DD day
 * the reading rules accept reads as none. The order itself is app/checkReturn.ts's chooseSubmissionDate; this module
 * stays free of the ICS sheet's schema, as the Validate view (in the pane's first download) saves through it.
 */
import type { IsoDate } from "../../core/dates";
import { EARLIEST_DATE, LATEST_DATE, parseDateText } from "../../core/read";
import type { WorkbookGateway } from "../gateway";

export const SUBMISSION_DATE_SETTING = "eprReturn.submissionDate";

/** Where the date came from: the ICS sheet, the command line (--submitted), the workbook's stored date, today. */
export type SubmissionSource = "ics" | "given" | "stored" | "today";

export interface SubmissionDate {
  readonly date: IsoDate;
  readonly source: SubmissionSource;
}

/** The stored value as a date, or null when there is none or it is not a day from 1990 to 2040 written YYYY-MM-DD. */
export function readStoredSubmissionDate(stored: unknown): IsoDate | null {
  if (typeof stored !== "string") return null;
  const parsed = parseDateText(stored);
  if (!parsed.ok || parsed.iso !== stored || parsed.iso < EARLIEST_DATE || parsed.iso > LATEST_DATE) return null;
  return parsed.iso;
}

/** The date stored in the workbook, or null (one loadSetting). */
export async function loadSubmissionDate(reader: Pick<WorkbookGateway, "loadSetting">): Promise<IsoDate | null> {
  return readStoredSubmissionDate(await reader.loadSetting(SUBMISSION_DATE_SETTING));
}

/** Stores the date with the return; null removes it (the rules then use today again). */
export async function saveSubmissionDate(gateway: Pick<WorkbookGateway, "saveSetting">, date: IsoDate | null): Promise<void> {
  await gateway.saveSetting(SUBMISSION_DATE_SETTING, date);
}
