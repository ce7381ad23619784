/**
 * The one-line verdict on a return: ready to send when it has trust rows and no errors (spec section 6); warnings
 * do not block it. A return with no trust rows is never ready: there is nothing to send (app/returnState.ts).
 */
import { plural } from "../core/plural";

/** "pane": a sentence on its own ("Ready to send (2 warnings)"); "terminal": after `verdict: ` ("ready to send (2 warnings)"). */
export type VerdictStyle = "pane" | "terminal";

/** The counts a verdict needs: a ValidationResult has them; a CheckedReturn has `rows` in `result.rows`. */
export interface VerdictCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly rows: number;
}

export function verdict({ errors, warnings, rows }: VerdictCounts, style: VerdictStyle = "pane"): string {
  const text =
    errors > 0 ? `${plural(errors, "error")}, ${plural(warnings, "warning")}`
    : rows === 0 ? "No trust rows: nothing to send yet"
    : warnings === 0 ? "Ready to send"
    : `Ready to send (${plural(warnings, "warning")})`;
  return style === "terminal" && errors === 0 ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
