/** While `enabled`, calls `onChange` after the sheet's cells change; unsubscribes when turned off or unmounted. */
import { useEffect, useRef, useState } from "react";
import type { WorkbookGateway } from "../../app/gateway";
import { messageOf } from "./useOperation";

export function useSheetWatch(gateway: WorkbookGateway, sheet: string | null, enabled: boolean, onChange: () => void): { error: string | null; dismissError: () => void } {
  const [error, setError] = useState<string | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!enabled || sheet === null) return undefined;
    let unsubscribe: (() => Promise<void>) | null = null;
    let ended = false;
    const report = (failure: unknown) => setError(messageOf(failure));
    gateway
      .onSheetChanged(sheet, () => onChangeRef.current())
      .then((off) => {
        // Turned off before the subscription was made: undo it at once.
        if (ended) off().catch(report);
        else unsubscribe = off;
      })
      .catch(report);
    return () => {
      ended = true;
      unsubscribe?.().catch(report);
    };
  }, [gateway, sheet, enabled]);

  return { error, dismissError: () => setError(null) };
}
