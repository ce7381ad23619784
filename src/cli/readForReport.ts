/**
 * One return read for the national report: checked as `validate` checks it (app/checkReturn.ts), its stamp
 * verified as `verify` verifies it (app/stamp.ts), and only what the report needs kept: the ICS, the trust rows
 * and the counts. The workbook itself is let go, so memory grows with the trust rows, not with the files.
 */
import { checkReturn, type CheckedReturn, type WorkbookReader } from "../app/checkReturn";
import { compareCheckedReturn, readReturnStamp, verifyReturn } from "../app/stamp";
import type { IsoDate } from "../core/dates";
import { readIcsSheet } from "../core/ics";
import type { PreviousReturn, ReturnSummary, StampState } from "../core/national";
import { ICS_SHEET, sameSheetName } from "../core/returnSheets";
import type { Stamp } from "../core/stamp";
import { inFile, openForReading, openWhole } from "./openReturn";

/**
 * The stamp's state. A stamp over the sheet just checked is compared with it directly; one naming another sheet
 * (stamped with --sheet) is verified as `verify` does, reading that sheet. Verified: the data is what was stamped
 * (the return's errors, if any, are its own column of the report).
 */
async function stampState(file: string, stamp: Stamp | null, checked: CheckedReturn): Promise<StampState> {
  if (stamp === null) return "none";
  if (sameSheetName(stamp.sheet, checked.sheet.name)) return (await compareCheckedReturn(stamp, checked)).comparison.status === "match" ? "verified" : "changed";
  const whole = await openWhole(file);
  const result = await inFile(file, () => verifyReturn(whole));
  return result.status === "changed" ? "changed" : result.status === "unstamped" ? "none" : "verified";
}

/** The region, read again from the ICS sheet: the checked return keeps the ICS details, which do not hold it (core/schema.ts). */
async function regionOf(reader: WorkbookReader, checked: CheckedReturn): Promise<ReturnSummary["region"]> {
  return checked.ics === null ? null : readIcsSheet(await reader.readSheet(ICS_SHEET)).region;
}

/** Throws FileError (one line naming the file) when the file cannot be read as a return. */
export async function readForReport(file: string, today: IsoDate): Promise<ReturnSummary> {
  const reader = await openForReading(file, undefined);
  return inFile(file, async () => {
    const stamp = await readReturnStamp(reader, await reader.listSheets());
    const checked = await checkReturn(reader, { today });
    const details = checked.ics?.details ?? null;
    return {
      file,
      icsName: details?.icsName ?? null,
      icbCode: details?.icbCode ?? null,
      region: await regionOf(reader, checked),
      targetProfile: details?.targetProfile ?? null,
      // The date the return gives, not today's stand-in.
      submissionDate: checked.submittedFrom === "ics" || checked.submittedFrom === "stored" ? checked.submitted : null,
      trusts: checked.result.trusts,
      errors: checked.errors,
      warnings: checked.warnings,
      stamp: await stampState(file, stamp, checked),
    };
  });
}

/**
 * One return of `--previous`, read and checked the same way but reduced further: only what matching and the diff
 * need (its file, ICS name, ICB code and trust rows). Throws FileError as readForReport does.
 */
export async function readPreviousReturn(file: string, today: IsoDate): Promise<PreviousReturn> {
  const reader = await openForReading(file, undefined);
  return inFile(file, async () => {
    const checked = await checkReturn(reader, { today });
    const details = checked.ics?.details ?? null;
    return { file, icsName: details?.icsName ?? null, icbCode: details?.icbCode ?? null, trusts: checked.result.trusts };
  });
}
