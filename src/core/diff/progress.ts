/**
 * Which changes of an enumerated field count as progress (docs/diff.md has the table). Each progression lists the
 * values from furthest from the goal to the goal; a value not listed (a plan or stage that answers another
 * question) and a blank move neither way.
 */
import type { ColumnKey } from "../columns";
import type { Plan, Stage, Status } from "../enums";
import type { Direction, FieldValue } from "./types";

/** EPR status: from no EPR to one in use. Procuring comes after the business case, Implementing after the contract. */
export const STATUS_PROGRESSION: readonly Status[] = ["No EPR", "Business case", "Procuring", "Implementing", "Live"];

/**
 * Convergence plan: towards fewer EPRs across the ICS. `New EPR` (a first or replacement EPR of the trust's own) is
 * outside it: it answers whether the trust gets an EPR, not how far the ICS converges.
 */
export const PLAN_PROGRESSION: readonly Plan[] = ["Keep", "Interoperate", "Converge", "Single ICS EPR"];

/** Business case stage: the five-case model's order. `Not needed` is outside it. */
export const STAGE_PROGRESSION: readonly Stage[] = ["Not started", "SOC", "OBC", "FBC", "Approved"];

const PROGRESSIONS: ReadonlyMap<ColumnKey, readonly string[]> = new Map<ColumnKey, readonly string[]>([
  ["eprStatus", STATUS_PROGRESSION],
  ["plan", PLAN_PROGRESSION],
  ["businessCaseStage", STAGE_PROGRESSION],
]);

/** Whether the column's changes have a direction. */
export function hasProgression(column: ColumnKey): boolean {
  return PROGRESSIONS.has(column);
}

/** The direction of old → new along the column's progression; null when either is blank or outside it. */
export function directionOf(column: ColumnKey, old: FieldValue, now: FieldValue): Direction | null {
  const order = PROGRESSIONS.get(column);
  if (!order || typeof old !== "string" || typeof now !== "string") return null;
  const from = order.indexOf(old);
  const to = order.indexOf(now);
  if (from < 0 || to < 0 || from === to) return null;
  return to > from ? "progress" : "regress";
}
