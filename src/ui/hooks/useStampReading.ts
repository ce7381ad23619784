/**
 * The workbook's validation stamp compared with the latest check: the one reading behind the Stamp view and the
 * stamp's state shown on Validate and Export (components/StampStateBar.tsx), so all three say the same.
 *
 * The stamp sheet is read once when the check's sheet list shows one (no extra read for an unstamped workbook, the
 * common case), then on request; each new check is compared with it (app/stamp.ts compareCheckedReturn, whose
 * status rule verify shares). Reading and comparing a stamp load from a chunk of their own: the Validate view is in
 * the pane's first download, and most workbooks have no stamp.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckedReturn } from "../../app/checkReturn";
import type { SheetInfo, WorkbookGateway } from "../../app/gateway";
import type { StampCheck } from "../../app/stamp";
import type { Stamp } from "../../core/stamp";
import { STAMP_SHEET } from "../../core/returnSheets";
import { messageOf, useOperation, type Operation } from "./useOperation";

let stampModule: Promise<typeof import("../../app/stamp")> | null = null;

/** app/stamp, loaded once; a failed load is tried again next time. */
function loadStamp(): Promise<typeof import("../../app/stamp")> {
  stampModule ??= import(/* webpackChunkName: "stamp" */ "../../app/stamp").catch((error: unknown) => {
    stampModule = null;
    throw error;
  });
  return stampModule;
}

export interface StampReading {
  /** The workbook's stamp; null when it has none; undefined until read. */
  readonly stamp: Stamp | null | undefined;
  /** The latest check compared with the stamp; null until compared, and when the stamp covers another sheet. */
  readonly compared: StampCheck | null;
  /** Reads the stamp sheet (again: run() lists the sheets afresh); its failure is the stamp sheet's damage, or the host's. */
  readonly reading: Operation<[sheets?: readonly SheetInfo[]], void>;
  readonly compareError: string | null;
  readonly dismissCompareError: () => void;
  /** The stamp just written: shown at once (the check before it did not list the stamp sheet yet). */
  readonly stamped: (stamp: Stamp) => void;
}

export function useStampReading(gateway: WorkbookGateway, check: CheckedReturn | null): StampReading {
  const [stamp, setStamp] = useState<Stamp | null | undefined>(undefined);
  const [compared, setCompared] = useState<StampCheck | null>(null);
  const [compareError, setCompareError] = useState<string | null>(null);

  // The sheets as the check listed them, or listed now (Check again).
  const reading = useOperation(async (sheets?: readonly SheetInfo[]) => {
    const { readReturnStamp } = await loadStamp();
    setStamp(await readReturnStamp(gateway, sheets ?? (await gateway.listSheets())));
  });
  const { run: readStamp } = reading;

  // Whether the check's sheet list has a stamp sheet: read it when one appears, and only then (the list itself
  // is new with every check, and live checking checks after each edit).
  const listedRef = useRef<readonly SheetInfo[] | null>(null);
  listedRef.current = check?.sheets ?? null;
  const hasStampSheet = check === null ? null : check.sheets.some((s) => s.name === STAMP_SHEET);
  useEffect(() => {
    const listed = listedRef.current;
    if (hasStampSheet === null || listed === null) return;
    if (hasStampSheet) void readStamp(listed);
    // A stamp written since this check listed the sheets stays.
    else setStamp((current) => current ?? null);
  }, [hasStampSheet, readStamp]);

  useEffect(() => {
    setCompareError(null);
    // The last comparison stays until this one is done: live checking compares after each edit, without flicker.
    if (!stamp || !check || stamp.sheet !== check.sheet.name) {
      setCompared(null);
      return undefined;
    }
    let current = true;
    loadStamp()
      .then(({ compareCheckedReturn }) => compareCheckedReturn(stamp, check))
      .then((result) => { if (current) setCompared(result); })
      .catch((error: unknown) => { if (current) setCompareError(messageOf(error)); });
    return () => { current = false; };
  }, [stamp, check]);

  const dismissCompareError = useCallback(() => setCompareError(null), []);
  const stamped = useCallback((written: Stamp) => setStamp(written), []);
  return {
    stamp,
    compared,
    reading,
    compareError,
    dismissCompareError,
    stamped,
  };
}
