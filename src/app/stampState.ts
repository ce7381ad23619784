/**
 * The validation stamp from the task pane's side: reading the stamp sheet through the gateway, and making a
 * stamp from a check, with the same layout and the same data `epr-return stamp` and `verify` use.
 */
import { detectMapping } from "../core/headers";
import type { ColumnMapping } from "../core/results";
import { createStamp, STAMP_SHEET, stampFromSheet, stampToRows, type Stamp } from "../core/stamp";
import type { WorkbookGateway } from "./gateway";
import type { ReturnCheck } from "./returnCheck";

/** The workbook's stamp, or null when it has none; throws StampReadError when the stamp sheet is damaged. */
export async function readWorkbookStamp(gateway: WorkbookGateway): Promise<Stamp | null> {
  const sheets = await gateway.listSheets();
  if (!sheets.some((s) => s.name === STAMP_SHEET)) return null;
  return stampFromSheet(await gateway.readSheet(STAMP_SHEET));
}

function mappingRecord(mapping: ColumnMapping): string {
  return JSON.stringify(mapping.headers.flatMap((h) => (h.key === null ? [] : [[h.cell, h.key]])));
}

/**
 * `epr-return verify` reads the trust sheet with the detected mapping; a stamp made over rows read with another
 * mapping (saved on the Columns tab) would never verify. Null when they agree, else why not.
 */
export async function mappingMismatch(gateway: WorkbookGateway, check: ReturnCheck): Promise<string | null> {
  const detected = detectMapping(await gateway.readSheet(check.sheet));
  const used = JSON.stringify(Object.entries(check.result.mapping));
  if (mappingRecord(detected) === used) return null;
  return "This sheet is read with a column mapping saved on the Columns tab, but `epr-return verify` reads the headers as they are: rename the headers to ones the add-in recognises (the Columns tab shows which), then stamp.";
}

/** Makes the stamp of a check with no errors and writes it; returns it. */
export async function stampReturn(gateway: WorkbookGateway, check: ReturnCheck, now: Date): Promise<Stamp> {
  if (check.errors > 0) throw new Error(`The return has ${check.errors} ${check.errors === 1 ? "error" : "errors"}: fix them on the Validate tab, then stamp.`);
  const mismatch = await mappingMismatch(gateway, check);
  if (mismatch !== null) throw new Error(mismatch);
  const stamp = await createStamp({ sheet: check.sheet, ics: check.ics, trusts: check.result.trusts, warnings: check.warnings, stampedAt: now });
  await gateway.writeStampSheet(stampToRows(stamp));
  return stamp;
}
