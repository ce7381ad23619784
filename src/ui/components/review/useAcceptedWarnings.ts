/**
 * The warnings the user accepted, as stored in the workbook (app/review/acceptance.ts): read once per workbook,
 * saved on each change. Accepting waits for the first read, so a save never drops acceptances not read yet.
 */
import { useCallback, useEffect, useState } from "react";
import type { WorkbookGateway } from "../../../app/gateway";
import type { Issue } from "../../../core/issues";
import {
  ACCEPTED_WARNINGS_SETTING, NO_ACCEPTANCES, readAcceptances, storedAcceptances, withAccepted, withoutAccepted, withoutLapsed,
  type Acceptances, type AcceptedWarning,
} from "../../../app/review/acceptance";
import { messageOf, useOperation, type Operation } from "../../hooks/useOperation";

/** The check the acceptances are judged against: its issues and the sheets it read. */
export interface AcceptanceScope {
  readonly issues: readonly Issue[];
  readonly sheets: readonly string[];
}

export interface AcceptedWarnings {
  readonly acceptances: Acceptances;
  /** Whether the stored acceptances have been read (accepting waits for it). */
  readonly ready: boolean;
  /** Each resolves to true once saved (undefined when it failed: see its error). */
  readonly accept: Operation<[Issue], true>;
  readonly unaccept: Operation<[AcceptedWarning], true>;
  readonly loadError: string | null;
  readonly dismissLoadError: () => void;
}

export function useAcceptedWarnings(gateway: WorkbookGateway, scope: AcceptanceScope | null): AcceptedWarnings {
  const [acceptances, setAcceptances] = useState<Acceptances>(NO_ACCEPTANCES);
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let ended = false;
    // Another workbook: none of the last one's acceptances apply.
    setAcceptances(NO_ACCEPTANCES);
    setReady(false);
    gateway
      .loadSetting(ACCEPTED_WARNINGS_SETTING)
      .then((stored) => {
        if (ended) return;
        setAcceptances(readAcceptances(stored));
        setReady(true);
      })
      .catch((failure: unknown) => {
        if (!ended) setLoadError(messageOf(failure));
      });
    return () => {
      ended = true;
    };
  }, [gateway]);

  /** Saves the change, dropping acceptances that lapsed on the checked sheets; shown only once saved. */
  const save = async (change: (current: Acceptances) => Acceptances): Promise<true> => {
    if (!ready) throw new Error("The accepted warnings are still being read from the workbook: try again in a moment.");
    const current = scope === null ? acceptances : withoutLapsed(acceptances, scope.issues, scope.sheets);
    const next = change(current);
    await gateway.saveSetting(ACCEPTED_WARNINGS_SETTING, storedAcceptances(next));
    setAcceptances(next);
    return true;
  };

  const accept = useOperation((issue: Issue) => save((current) => withAccepted(current, issue, new Date().toISOString())));
  const unaccept = useOperation((accepted: AcceptedWarning) => save((current) => withoutAccepted(current, accepted)));
  const dismissLoadError = useCallback(() => setLoadError(null), []);
  return { acceptances, ready, accept, unaccept, loadError, dismissLoadError };
}
