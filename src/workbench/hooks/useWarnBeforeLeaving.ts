/**
 * While `warn` holds, closing or reloading the tab (or leaving the page) makes the browser ask first, in its own
 * words: pages cannot word that question (browsers show their own "Leave site? Changes you made may not be saved").
 */
import { useEffect } from "react";

function askBeforeLeaving(event: BeforeUnloadEvent): void {
  // preventDefault is the standard way to ask; returnValue is for browsers from before it (Chrome before 119).
  event.preventDefault();
  event.returnValue = true;
}

export function useWarnBeforeLeaving(warn: boolean): void {
  useEffect(() => {
    if (!warn) return;
    window.addEventListener("beforeunload", askBeforeLeaving);
    return () => window.removeEventListener("beforeunload", askBeforeLeaving);
  }, [warn]);
}
