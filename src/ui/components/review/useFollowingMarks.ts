/**
 * The cell marks, kept in step with the check once the user has asked for them (Mark) until Clear marks, as
 * Excel's "Circle invalid data" drops a circle once its cell is valid: after each check the checked sheets' marks
 * are replaced (app/review/markUpdates.ts decides which calls, one per sheet at most). After a reload the workbook's
 * marks record says which sheets are marked, and the pane carries on keeping those up to date.
 *
 * It lives with the check (useValidation, for the whole pane), so marks follow checks made on any view.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookGateway } from "../../../app/gateway";
import type { Issue } from "../../../core/issues";
import { MARKS_SETTING } from "../../../app/marks";
import { markedSheetsOf, planMarkUpdate, type MarkedSheets } from "../../../app/review/markUpdates";
import { messageOf, useOperation, type Operation } from "../../hooks/useOperation";

/** The issues to mark (a check's, less accepted warnings) and the sheets that check read. */
export interface MarkTarget {
  readonly issues: readonly Issue[];
  readonly sheets: readonly string[];
}

export interface FollowingMarks {
  /** Whether the marks follow each check (from Mark until Clear marks). */
  readonly following: boolean;
  /** Marks the target's cells now and from then on after each check. */
  readonly mark: Operation<[], void>;
  /** Removes the marks from every sheet marked, and from `also`; the marks stop following. */
  readonly clear: Operation<[also: readonly string[]], void>;
  /** The failure of the last update after a check (the next check tries again). */
  readonly updateError: string | null;
  readonly dismissUpdateError: () => void;
}

export function useFollowingMarks(gateway: WorkbookGateway, target: MarkTarget | null): FollowingMarks {
  const [following, setFollowing] = useState(false);
  const [updateError, setUpdateError] = useState<string | null>(null);
  const followingRef = useRef(false);
  const markedRef = useRef<MarkedSheets>(new Map());
  const targetRef = useRef(target);
  targetRef.current = target;
  const syncingRef = useRef(false);
  const againRef = useRef(false);
  /**
   * After a reload the first update re-marks even where the record matches the check: the record says what was
   * marked, not that the marks are still there (a copy saved without its formats, as the workbench's values-only
   * save is, keeps the record and loses the marks). markCells replaces a sheet's marks, so doing it again is harmless.
   */
  const remarkRef = useRef(false);

  /** One pass: the calls that bring the marks in line with the latest target, made one by one. */
  const apply = useCallback(async (force: boolean): Promise<void> => {
    const latest = targetRef.current;
    if (latest === null) return;
    const plan = planMarkUpdate(markedRef.current, latest.issues, latest.sheets, force);
    for (const [sheet, marks] of plan.mark) {
      // Clear marks was pressed meanwhile: leave the sheets as it left them.
      if (!followingRef.current) return;
      await gateway.markCells(sheet, marks);
      markedRef.current = new Map(markedRef.current).set(sheet, plan.after.get(sheet) ?? "");
    }
    for (const sheet of plan.clear) {
      if (!followingRef.current) return;
      await gateway.clearMarks(sheet);
      const next = new Map(markedRef.current);
      next.delete(sheet);
      markedRef.current = next;
    }
  }, [gateway]);

  /** After a check: once, or once more when a check lands while the marks are being updated. */
  const sync = useCallback(async (): Promise<void> => {
    if (syncingRef.current) {
      againRef.current = true;
      return;
    }
    syncingRef.current = true;
    try {
      do {
        againRef.current = false;
        // Used up only by a pass that has a check to mark (the record may be read before the first check lands).
        const force = remarkRef.current && targetRef.current !== null;
        if (force) remarkRef.current = false;
        await apply(force);
      } while (againRef.current && followingRef.current);
      setUpdateError(null);
    } catch (failure: unknown) {
      // Shown in the Validate view; the next check tries again.
      setUpdateError(messageOf(failure));
    } finally {
      syncingRef.current = false;
    }
  }, [apply]);

  // After a reload: the sheets the workbook's record says are marked are kept up to date from the first check.
  useEffect(() => {
    let ended = false;
    // Another workbook: what was marked in the last one says nothing of this one.
    markedRef.current = new Map();
    followingRef.current = false;
    setFollowing(false);
    gateway
      .loadSetting(MARKS_SETTING)
      .then((record) => {
        const marked = markedSheetsOf(record);
        if (ended || marked.size === 0 || followingRef.current) return;
        markedRef.current = marked;
        remarkRef.current = true;
        followingRef.current = true;
        setFollowing(true);
        void sync();
      })
      .catch((failure: unknown) => {
        if (!ended) setUpdateError(messageOf(failure));
      });
    return () => {
      ended = true;
    };
  }, [gateway, sync]);

  // After each check (not when Mark starts following: Mark marks by itself).
  useEffect(() => {
    if (followingRef.current && target !== null) void sync();
  }, [target, sync]);

  const mark = useOperation(async () => {
    followingRef.current = true;
    setFollowing(true);
    await apply(true);
  });

  const clear = useOperation(async (also: readonly string[]) => {
    followingRef.current = false;
    setFollowing(false);
    const sheets = new Set([...markedRef.current.keys(), ...also]);
    for (const sheet of sheets) {
      await gateway.clearMarks(sheet);
      const next = new Map(markedRef.current);
      next.delete(sheet);
      markedRef.current = next;
    }
  });

  const dismissUpdateError = useCallback(() => setUpdateError(null), []);
  return { following, mark, clear, updateError, dismissUpdateError };
}
