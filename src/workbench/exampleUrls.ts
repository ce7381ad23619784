/**
 * Where the built workbench finds the example workbooks: webpack emits each file as an asset and
 * rewrites these URLs (new URL(…, import.meta.url)), so no copy step is needed.
 */
import type { ExampleId } from "./exampleIds";

export const EXAMPLE_URLS: Readonly<Record<ExampleId, URL>> = {
  "clean-ics-return": new URL("../../examples/clean-ics-return.xlsx", import.meta.url),
  "mid-plan-return": new URL("../../examples/mid-plan-return.xlsx", import.meta.url),
  "trust-adhoc-sheet": new URL("../../examples/trust-adhoc-sheet.xlsx", import.meta.url),
};
