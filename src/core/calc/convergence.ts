/** Convergence of a set of trusts onto few systems (spec 7.2). */
import type { ConvergenceResult } from "../results";

/** Below this many trusts there is nothing to converge: the score is 100 (spec 7.2, n ≤ 1). */
const MIN_TRUSTS_TO_DIVERGE = 2;

/**
 * Distinct systems, HHI, effective systems and convergence score of the trusts
 * whose key is not null.
 *
 * Without weights, c_k is the number of trusts on system k and shares are c_k / n.
 *
 * With weights (beds), as we read spec 7.2: c_k is the sum of the weights of the
 * trusts on k, and shares are c_k over the sum of weights of the trusts included,
 * so HHI stays in (0, 1]. A trust whose weight is blank (null, missing, negative
 * or not finite) is left out of those sums and counted in `leftOut`. n in the
 * score formula stays the number of trusts that have a system, left-out ones
 * included, and distinct systems counts every system of those trusts: weighting
 * changes how concentrated the ICS looks, not how many EPRs it runs.
 *
 * With no trusts (n = 0), or weights that sum to 0, there is nothing to measure:
 * hhi 0 and effective 0 (never NaN or Infinity), and score 100 as the spec's
 * "100 where n ≤ 1" rule gives for n = 0.
 */
export function convergence(keys: readonly (string | null)[], weights?: readonly (number | null)[]): ConvergenceResult {
  const weightByKey = new Map<string, number>();
  let trusts = 0;
  let totalWeight = 0;
  let leftOut = 0;
  keys.forEach((key, index) => {
    if (key === null) return;
    trusts += 1;
    const weight = weights === undefined ? 1 : usableWeight(weights[index]);
    if (weight === null) {
      leftOut += 1;
      // Still one of the ICS's systems, even with no weight to count it by.
      weightByKey.set(key, weightByKey.get(key) ?? 0);
      return;
    }
    totalWeight += weight;
    weightByKey.set(key, (weightByKey.get(key) ?? 0) + weight);
  });

  const measured = measure([...weightByKey.values()], totalWeight, trusts);
  const result = { systems: weightByKey.size, trusts, ...measured };
  return weights === undefined ? result : { ...result, leftOut };
}

function usableWeight(weight: number | null | undefined): number | null {
  return typeof weight === "number" && Number.isFinite(weight) && weight >= 0 ? weight : null;
}

function measure(amounts: readonly number[], total: number, trusts: number): Pick<ConvergenceResult, "hhi" | "effective" | "score"> {
  if (total <= 0) return { hhi: 0, effective: 0, score: 100 };
  // Σ c² / total² with one division: exact for whole-number counts, e.g. 6/16 = 0.375.
  let sumOfSquares = 0;
  for (const amount of amounts) sumOfSquares += amount * amount;
  const hhi = sumOfSquares / (total * total);
  const effective = (total * total) / sumOfSquares;
  const score = trusts < MIN_TRUSTS_TO_DIVERGE ? 100 : (100 * (trusts - effective)) / (trusts - 1);
  return { hhi, effective, score };
}
