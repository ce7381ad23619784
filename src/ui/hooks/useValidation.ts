/**
 * The latest check of the chosen sheet, shared by the Validate, Scores and Export views so that the sheet is
 * read once for all three. A check of another sheet is never shown.
 *
 * Reading a return (app/checkReturn: the ICS sheet, the saved mapping, their schemas) is not in the pane's first
 * download: it loads from a chunk of its own as soon as the pane mounts, while the sheets are being listed.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckedReturn, Validator } from "../../app/checkReturn";
import type { WorkbookGateway } from "../../app/gateway";
import { todayIso } from "../../core/dates";
import { useOperation } from "./useOperation";
import type { Operation } from "./useOperation";

export interface Validation {
  /** The latest check of the chosen sheet, or null when it has not been checked yet. */
  readonly check: CheckedReturn | null;
  readonly operation: Operation<[], CheckedReturn>;
  /** Runs now, or once more right after the running check ends (for changes made while it ran). */
  readonly request: () => void;
  /** Forgets the check (e.g. the mapping changed): views that need one check again when shown. */
  readonly invalidate: () => void;
}

let checkReturnModule: Promise<typeof import("../../app/checkReturn")> | null = null;

/** app/checkReturn, loaded once; a failed load is tried again next time. */
function loadCheckReturn(): Promise<typeof import("../../app/checkReturn")> {
  checkReturnModule ??= import(/* webpackChunkName: "check-return" */ "../../app/checkReturn").catch((error: unknown) => {
    checkReturnModule = null;
    throw error;
  });
  return checkReturnModule;
}

export function useValidation(gateway: WorkbookGateway, sheet: string | null, validate: Validator): Validation {
  const [check, setCheck] = useState<CheckedReturn | null>(null);
  const pendingRef = useRef(false);
  const sheetRef = useRef(sheet);
  sheetRef.current = sheet;

  useEffect(() => {
    // Start loading now, so the first check does not wait for it (a failure shows when a check needs it).
    loadCheckReturn().catch(() => undefined);
  }, []);

  const operation = useOperation(async (): Promise<CheckedReturn> => {
    const name = sheetRef.current;
    if (name === null) throw new Error("No sheet is chosen.");
    const { checkReturn } = await loadCheckReturn();
    let latest: CheckedReturn;
    do {
      pendingRef.current = false;
      latest = await checkReturn(gateway, { sheet: name, today: todayIso() }, validate);
    } while (pendingRef.current);
    setCheck(latest);
    return latest;
  });

  const { run } = operation;
  const request = useCallback(() => {
    // When a check is already running, run() does nothing and that check's loop picks the request up.
    pendingRef.current = true;
    void run();
  }, [run]);

  const invalidate = useCallback(() => setCheck(null), []);
  return { check: check !== null && check.sheet.name === sheet ? check : null, operation, request, invalidate };
}

/**
 * Checks the chosen sheet when a view that needs a check is shown and there is none yet (or the sheet was
 * changed). After a failure it waits for the user to retry, so a broken workbook is not read in a loop.
 */
export function useAutoCheck(validation: Validation, sheet: string | null): void {
  const { check, request, operation } = validation;
  const { running, error, dismissError } = operation;
  useEffect(() => {
    dismissError();
  }, [sheet, dismissError]);
  useEffect(() => {
    if (sheet !== null && check === null && !running && error === null) request();
  }, [sheet, check, running, error, request]);
}
