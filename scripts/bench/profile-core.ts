/** Profiling aid: validates a 20,000-row grid a few times (run with node --cpu-prof via tsx). */
import { validateSheet } from "../../src/core/validate";
import { returnGrid } from "./generate";

const grid = returnGrid(Number(process.argv[2] ?? 20_000));
for (let i = 0; i < 3; i++) validateSheet(grid, { submitted: "2023-11-15" });
