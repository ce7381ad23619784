/**
 * Calls `onChange` after the user's edits of the sheet (null: none), for as long as the pane shows that sheet;
 * unsubscribes when the sheet changes or the pane goes. The gateway does not report the add-in's own writes.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookGateway } from "../../app/gateway";
import { messageOf } from "./useOperation";

export interface SheetWatch {
  readonly error: string | null;
  readonly dismissError: () => void;
}

export function useSheetWatch(gateway: WorkbookGateway, sheet: string | null, onChange: () => void): SheetWatch {
  const [error, setError] = useState<string | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (sheet === null) return undefined;
    let unsubscribe: (() => Promise<void>) | null = null;
    let ended = false;
    const report = (failure: unknown) => setError(messageOf(failure));
    gateway
      .onSheetChanged(sheet, () => onChangeRef.current())
      .then((off) => {
        // Ended before the subscription was made: undo it at once.
        if (ended) off().catch(report);
        else unsubscribe = off;
      })
      .catch(report);
    return () => {
      ended = true;
      unsubscribe?.().catch(report);
    };
  }, [gateway, sheet]);

  const dismissError = useCallback(() => setError(null), []);
  return { error, dismissError };
}
