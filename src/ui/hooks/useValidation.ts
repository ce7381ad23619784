/**
 * The latest check of the chosen sheet, shared by the Validate, Scores and Export views so that the sheet is
 * read once for all three. A check of another sheet is never shown.
 *
 * It also keeps what must outlive a view: live checking (on by default: each edit of the trust sheet or the ICS
 * sheet re-checks; off, the check is marked out of date instead), the accepted warnings, and the marks that follow
 * the check once the user asked for them.
 *
 * Reading a return (app/checkReturn: the ICS sheet, the saved mapping, their schemas) is not in the pane's first
 * download: it loads from a chunk of its own as soon as the pane mounts, while the sheets are being listed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CheckedReturn, Validator } from "../../app/checkReturn";
import type { WorkbookGateway } from "../../app/gateway";
import { splitAccepted, type AcceptedIssue } from "../../app/review/acceptance";
import { checkedSheets } from "../../app/review/checkedSheets";
import { todayIso } from "../../core/dates";
import { ICS_SHEET } from "../../core/returnSheets";
import type { Issue } from "../../core/issues";
import { useAcceptedWarnings, type AcceptedWarnings } from "../components/review/useAcceptedWarnings";
import { useFollowingMarks, type FollowingMarks } from "../components/review/useFollowingMarks";
import { useOperation } from "./useOperation";
import type { Operation } from "./useOperation";
import { useSheetWatch, type SheetWatch } from "./useSheetWatch";

/** A check's issues split by the user's acceptances, and the sheets it read. */
export interface Review {
  /** Issues still to deal with: every error, and the warnings not accepted. */
  readonly open: readonly Issue[];
  readonly accepted: readonly AcceptedIssue[];
  readonly sheets: readonly string[];
}

export interface Validation {
  /** The latest check of the chosen sheet, or null when it has not been checked yet. */
  readonly check: CheckedReturn | null;
  readonly operation: Operation<[], CheckedReturn>;
  /** Runs now, or once more right after the running check ends (for changes made while it ran). */
  readonly request: () => void;
  /** Forgets the check (e.g. the mapping changed): views that need one check again when shown. */
  readonly invalidate: () => void;
  /** The check's issues less the accepted warnings; null with no check. */
  readonly review: Review | null;
  /** The user changed the checked sheets since the check, and no check is running to catch up. */
  readonly stale: boolean;
  /** Re-check after each edit (on by default); turning it on re-checks at once. */
  readonly live: boolean;
  readonly setLive: (on: boolean) => void;
  /** A failure to follow the sheets' changes. */
  readonly watch: SheetWatch;
  readonly acceptances: AcceptedWarnings;
  readonly marks: FollowingMarks;
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

/** A check, and how many of the user's changes it had seen when it read the workbook. */
interface Seen {
  readonly check: CheckedReturn;
  readonly changes: number;
}

export function useValidation(gateway: WorkbookGateway, sheet: string | null, validate: Validator): Validation {
  const [latest, setLatest] = useState<Seen | null>(null);
  const pendingRef = useRef(false);
  const sheetRef = useRef(sheet);
  sheetRef.current = sheet;
  // The user's edits of the checked sheets so far (the ref for the check loop, the state to re-render).
  const changesRef = useRef(0);
  const [changes, setChanges] = useState(0);
  const [live, setLiveState] = useState(true);
  const liveRef = useRef(live);
  liveRef.current = live;

  useEffect(() => {
    // Start loading now, so the first check does not wait for it (a failure shows when a check needs it).
    loadCheckReturn().catch(() => undefined);
  }, []);

  const operation = useOperation(async (): Promise<CheckedReturn> => {
    const name = sheetRef.current;
    if (name === null) throw new Error("No sheet is chosen.");
    const { checkReturn } = await loadCheckReturn();
    let checked: CheckedReturn;
    let seen: number;
    do {
      pendingRef.current = false;
      seen = changesRef.current;
      checked = await checkReturn(gateway, { sheet: name, today: todayIso() }, validate);
    } while (pendingRef.current);
    setLatest({ check: checked, changes: seen });
    return checked;
  });

  const { run } = operation;
  const request = useCallback(() => {
    // When a check is already running, run() does nothing and that check's loop picks the request up.
    pendingRef.current = true;
    void run();
  }, [run]);

  const invalidate = useCallback(() => setLatest(null), []);
  const check = latest !== null && latest.check.sheet.name === sheet ? latest.check : null;

  /*
   * After an edit the whole sheet is checked again, not only the edited rows: the rules are not all row by row
   * (duplicate trust codes, "converge on a supplier another trust uses", a single ICS EPR's one supplier, the
   * columns), the core checks 10,000 rows in about 150 ms, and the read is one batched gateway call whatever the
   * row count, so a partial check would save little and risk missing an issue an edit makes on another row.
   * Edits made while a check runs are caught by one more check (request), not one per edit.
   */
  const onSheetChange = useCallback(() => {
    changesRef.current += 1;
    setChanges(changesRef.current);
    if (liveRef.current) request();
  }, [request]);
  const trustWatch = useSheetWatch(gateway, sheet, onSheetChange);
  const icsWatch = useSheetWatch(gateway, check !== null && check.ics !== null ? ICS_SHEET : null, onSheetChange);
  const watch: SheetWatch = trustWatch.error !== null ? trustWatch : icsWatch;

  const setLive = useCallback((on: boolean) => {
    liveRef.current = on;
    setLiveState(on);
    if (on) request();
  }, [request]);

  const scope = useMemo(() => (check === null ? null : { issues: check.issues, sheets: checkedSheets(check) }), [check]);
  const acceptances = useAcceptedWarnings(gateway, scope);
  const review = useMemo((): Review | null => {
    if (check === null || scope === null) return null;
    const { open, accepted } = splitAccepted(check.issues, acceptances.acceptances);
    return { open, accepted, sheets: scope.sheets };
  }, [check, scope, acceptances.acceptances]);
  const markTarget = useMemo(() => (review === null ? null : { issues: review.open, sheets: review.sheets }), [review]);
  const marks = useFollowingMarks(gateway, markTarget);

  const stale = check !== null && latest !== null && latest.changes < changes && !operation.running;
  return { check, operation, request, invalidate, review, stale, live, setLive, watch, acceptances, marks };
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
