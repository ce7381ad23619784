/**
 * One long-running operation of the task pane (a gateway call and what follows it): whether it is running,
 * and the message of its last failure. It cannot be started twice at once: a second `run` while the first
 * is still going does nothing, even before React re-renders the disabled button.
 */
import { useCallback, useRef, useState } from "react";

export interface Operation<A extends unknown[], R> {
  /** Resolves to the action's result, or undefined when it failed (the failure is in `error`) or was already running. */
  readonly run: (...args: A) => Promise<R | undefined>;
  readonly running: boolean;
  readonly error: string | null;
  readonly dismissError: () => void;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : JSON.stringify(error);
}

export function useOperation<A extends unknown[], R>(action: (...args: A) => Promise<R>): Operation<A, R> {
  const actionRef = useRef(action);
  actionRef.current = action;
  const runningRef = useRef(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (runningRef.current) return undefined;
    runningRef.current = true;
    setRunning(true);
    setError(null);
    try {
      return await actionRef.current(...args);
    } catch (failure: unknown) {
      // Not swallowed: the view shows it in a MessageBar.
      setError(messageOf(failure));
      return undefined;
    } finally {
      runningRef.current = false;
      setRunning(false);
    }
  }, []);

  const dismissError = useCallback(() => setError(null), []);
  return { run, running, error, dismissError };
}
