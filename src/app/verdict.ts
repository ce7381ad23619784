/** The one-line verdict on a return: ready to send when it has no errors (spec section 6); warnings do not block it. */
import { plural } from "../core/plural";

/** "pane": a sentence on its own ("Ready to send (2 warnings)"); "terminal": after `verdict: ` ("ready to send (2 warnings)"). */
export type VerdictStyle = "pane" | "terminal";

export function verdict(errors: number, warnings: number, style: VerdictStyle = "pane"): string {
  const text = errors > 0 ? `${plural(errors, "error")}, ${plural(warnings, "warning")}` : warnings === 0 ? "Ready to send" : `Ready to send (${plural(warnings, "warning")})`;
  return style === "terminal" && errors === 0 ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
