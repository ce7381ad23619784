/**
 * The validation stamp, for every host: made from a checked return with no errors and written through the
 * gateway (a very hidden sheet, src/core/stamp/sheetLayout.ts); verified by reading the return again, the same
 * way it was stamped (the saved column mapping included), and comparing.
 */
import { compareWithStamp, createStamp, STAMP_SHEET, stampFromSheet, stampToRows, type Stamp, type StampComparison } from "../core/stamp";
import { readTrusts } from "../core/validate";
import type { CheckedReturn, WorkbookReader } from "./checkReturn";
import { readReturnSheets } from "./checkReturn";
import type { SheetInfo, WorkbookGateway } from "./gateway";
import { plural } from "../core/plural";

/** A stamp was refused: the return has errors, and a stamp says it passed validation. */
export class StampRefusedError extends Error {
  override readonly name = "StampRefusedError";
}

/** The workbook's stamp, or null when it has none; throws StampReadError when the stamp sheet is damaged. */
export async function readReturnStamp(reader: Pick<WorkbookReader, "readSheet">, sheets: readonly SheetInfo[]): Promise<Stamp | null> {
  if (!sheets.some((s) => s.name === STAMP_SHEET)) return null;
  return stampFromSheet(await reader.readSheet(STAMP_SHEET));
}

/** Makes the stamp of a checked return with no errors and writes it (replacing an earlier one); returns it. */
export async function stampReturn(gateway: Pick<WorkbookGateway, "writeStampSheet">, checked: CheckedReturn, now: Date): Promise<Stamp> {
  if (checked.errors > 0) throw new StampRefusedError(`the return has ${plural(checked.errors, "error")} (a stamp says it passed validation)`);
  const stamp = await createStamp({
    sheet: checked.sheet.name,
    ics: checked.ics?.details ?? null,
    trusts: checked.result.trusts,
    warnings: checked.warnings,
    stampedAt: now,
  });
  await gateway.writeStampSheet(stampToRows(stamp));
  return stamp;
}

export type VerifyResult =
  | ({ readonly status: "match" | "changed"; readonly stamp: Stamp; readonly sheetMissing: boolean } & Omit<StampComparison, "status">)
  | { readonly status: "unstamped" };

/**
 * Compares the return with its stamp. The trust sheet is the one the stamp names, read with the workbook's
 * saved column mapping as stamping did; when the sheet is gone, every stamped row counts as removed.
 */
export async function verifyReturn(reader: WorkbookReader): Promise<VerifyResult> {
  const sheets = await reader.listSheets();
  const stamp = await readReturnStamp(reader, sheets);
  if (!stamp) return { status: "unstamped" };
  const sheetMissing = !sheets.some((s) => s.name === stamp.sheet);
  if (sheetMissing) {
    const comparison = await compareWithStamp(stamp, { ics: null, trusts: [] });
    return { ...comparison, stamp, sheetMissing };
  }
  // Reading needs a submission date although no value read depends on it: the stamping day will do.
  const read = await readReturnSheets(reader, { sheet: stamp.sheet, today: stamp.stampedAt.slice(0, 10) });
  const trusts = readTrusts(read.sheet, { mapping: read.mapping.mapping });
  const comparison = await compareWithStamp(stamp, { ics: read.ics?.details ?? null, trusts });
  return { ...comparison, stamp, sheetMissing };
}
