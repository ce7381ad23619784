/**
 * Core throughput: validateSheet then scoreReturn on grids built in memory (no xlsx), at
 * 1,000 / 10,000 / 100,000 trust rows. Prints one JSON array on stdout for scripts/bench.js.
 */
import { scoreReturn } from "../../src/core/calc";
import { validateSheet } from "../../src/core/validate";
import { returnGrid } from "./generate";
import { median, timeRuns } from "./measure";

export interface CoreFigure {
  rows: number;
  issues: number;
  validateMs: number;
  scoreMs: number;
  rowsPerSecond: number;
}

const SUBMITTED = "2023-11-15";

export function measureCore(rows: number, runs: number): CoreFigure {
  const grid = returnGrid(rows);
  const result = validateSheet(grid, { submitted: SUBMITTED });
  const validateMs = median(timeRuns(runs, () => void validateSheet(grid, { submitted: SUBMITTED })));
  const scoreMs = median(timeRuns(runs, () => void scoreReturn(result.trusts, { profile: "dec-2023" })));
  return { rows, issues: result.issues.length, validateMs, scoreMs, rowsPerSecond: rows / ((validateMs + scoreMs) / 1000) };
}

if (require.main === module) {
  const figures = [
    measureCore(1_000, 9),
    measureCore(10_000, 5),
    measureCore(100_000, 3),
  ];
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
