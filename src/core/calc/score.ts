/** Every figure of spec section 7 for one return. */
import type { ScoreOptions, ScoreResult } from "../results";
import type { TrustRow } from "../schema";
import { convergence } from "./convergence";
import { coverage } from "./coverage";
import { funding } from "./funding";
import { currentSystem, targetSystem } from "./systems";

export function scoreReturn(rows: readonly TrustRow[], options: ScoreOptions): ScoreResult {
  // Bed weighting applies to both now and target, so the two stay comparable.
  const weights = options.weight === "beds" ? rows.map((row) => row.beds) : undefined;
  return {
    trusts: rows.length,
    convergence: {
      now: convergence(rows.map(currentSystem), weights),
      target: convergence(rows.map(targetSystem), weights),
    },
    coverage: coverage(rows, options.profile, options.asOf),
    funding: funding(rows),
  };
}
