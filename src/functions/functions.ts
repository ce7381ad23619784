/**
 * The EPR.* worksheet functions (the namespace EPR is set in manifest.xml).
 * Thin wrappers over the core: args.ts turns Excel's arguments into the core's,
 * and each problem comes back as #VALUE! or #N/A with a message; nothing throws.
 *
 * custom-functions-metadata-plugin (webpack.config.js) writes functions.json
 * from the JSDoc tags below and appends one `CustomFunctions.associate(ID, fn)`
 * call per function to this file at build time, so none is written here.
 * Parameter and return types stay inline (unknown, unknown[][], unions): the
 * metadata generator rejects named types.
 *
 * Dates are serials of the workbook's date system (1900, or 1904 in workbooks
 * from older Excel for Mac), which dateSystem.ts reads once per session; until
 * it is known, a function given or giving a serial returns a promise.
 */
import { fyQuarter, systemsConvergence, trustCoverage } from "../core/calc";
import { DEFAULT_DATE_SYSTEM, serialFromIso, type DateSystem } from "../core/dates";
import { DEFAULT_PROFILE, PROFILES } from "../core/profiles";
import type { ConvergenceResult } from "../core/results";
import { normalizeSupplier } from "../core/read";
import { associationTarget, dateArg, incomingError, invalidValue, isBlankArg, notAvailable, statusArg, supplierList, weightList, type FunctionError } from "./args";
import { inDateSystem } from "./dateSystem";

/**
 * What the plugin's appended `CustomFunctions.associate(...)` calls resolve to
 * (this module-level name shadows the global): Excel's runtime when present,
 * otherwise a registry that registers nothing, so this module loads anywhere.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the associate calls appended at build time
const CustomFunctions = associationTarget();

function convergenceOf(systems: unknown[][], weights: unknown[][] | undefined): ConvergenceResult | FunctionError {
  const suppliers = supplierList(systems);
  const weightArg = weightList(weights, suppliers.length);
  if ("error" in weightArg) return weightArg.error;
  return systemsConvergence(suppliers, weightArg.value);
}

function isFunctionError(value: ConvergenceResult | FunctionError): value is FunctionError {
  return "code" in value;
}

/** `use` in the workbook's date system when any argument is a serial (a number); text and blanks do not need it. */
function withDates<T>(args: readonly unknown[], use: (system: DateSystem) => T): T | Promise<T> {
  return args.some((arg) => typeof arg === "number") ? inDateSystem(use) : use(DEFAULT_DATE_SYSTEM);
}

/**
 * The canonical name of an EPR supplier, from its name or an alias (Cerner gives Oracle Health, Lorenzo gives Dedalus).
 * @customfunction NORMALIZESUPPLIER
 * @param text A supplier name or alias, e.g. "Cerner Millennium".
 * @returns The canonical supplier name; blank for a blank cell; #N/A when the name matches no supplier.
 */
export function normalizeSupplierName(text: unknown): string | FunctionError {
  const passed = incomingError(text);
  if (passed) return passed;
  if (isBlankArg(text)) return "";
  if (typeof text !== "string") return invalidValue(`text must be a supplier name, not ${String(text)}`);
  return normalizeSupplier(text) ?? notAvailable(`"${text.trim()}" is not a known EPR supplier or alias`);
}

/**
 * The number of different EPR systems in a range of suppliers (aliases count as their supplier; blanks are skipped).
 * @customfunction DISTINCT
 * @param systems The suppliers, one cell per trust.
 * @returns The number of distinct systems.
 */
export function distinctSystems(systems: unknown[][]): number {
  return systemsConvergence(supplierList(systems)).systems;
}

/**
 * The Herfindahl-Hirschman index of the suppliers: 1 when every trust is on one EPR, 1/n when all differ.
 * @customfunction HHI
 * @param systems The suppliers, one cell per trust.
 * @param [weights] Optional weights (e.g. beds), one per trust in the same order.
 * @returns The HHI, between 0 and 1.
 */
export function hhi(systems: unknown[][], weights?: unknown[][]): number | FunctionError {
  const result = convergenceOf(systems, weights);
  return isFunctionError(result) ? result : result.hhi;
}

/**
 * The effective number of EPR systems, 1 / HHI.
 * @customfunction EFFECTIVE
 * @param systems The suppliers, one cell per trust.
 * @param [weights] Optional weights (e.g. beds), one per trust in the same order.
 * @returns The effective number of systems.
 */
export function effectiveSystems(systems: unknown[][], weights?: unknown[][]): number | FunctionError {
  const result = convergenceOf(systems, weights);
  return isFunctionError(result) ? result : result.effective;
}

/**
 * The convergence score: 100 means one EPR across the ICS, 0 every trust on a different one.
 * @customfunction CONVERGENCE
 * @param systems The suppliers, one cell per trust.
 * @param [weights] Optional weights (e.g. beds), one per trust in the same order.
 * @returns The score, 0 to 100.
 */
export function convergenceScore(systems: unknown[][], weights?: unknown[][]): number | FunctionError {
  const result = convergenceOf(systems, weights);
  return isFunctionError(result) ? result : result.score;
}

/**
 * Whether a trust has an EPR installed, is implementing one, or is not covered at a date.
 * @customfunction COVERAGE
 * @param status The trust's EPR status, e.g. Live or Implementing.
 * @param goLive The go-live date (used when the status is Live or Implementing).
 * @param targetGoLive The target go-live date (used otherwise).
 * @param [asOf] The date to measure at; 31/12/2023 when omitted.
 * @returns "installed", "implementing" or "not covered".
 */
export function coverage(status: unknown, goLive: unknown, targetGoLive: unknown, asOf?: unknown): string | FunctionError | Promise<string | FunctionError> {
  const statusRead = statusArg(status);
  if ("error" in statusRead) return statusRead.error;
  const known = statusRead.value;
  return withDates([goLive, targetGoLive, asOf], (system) => {
    const goLiveRead = dateArg(goLive, "goLive", system);
    if ("error" in goLiveRead) return goLiveRead.error;
    const targetRead = dateArg(targetGoLive, "targetGoLive", system);
    if ("error" in targetRead) return targetRead.error;
    const asOfRead = dateArg(asOf, "asOf", system);
    if ("error" in asOfRead) return asOfRead.error;
    const at = asOfRead.value ?? PROFILES[DEFAULT_PROFILE].asOf;
    return trustCoverage(known, goLiveRead.value, targetRead.value, at);
  });
}

/**
 * A date written the UK way (31/12/2023, 31 Dec 2023, Dec 2023, Q3 2023/24, 2023/24) as an Excel date.
 * @customfunction PARSEDATE
 * @param text The date text (an Excel date passes through).
 * @returns The date's serial number in the workbook's date system (format the cell as a date); the last day for a month, quarter or year; blank for a blank cell.
 */
export function parseDate(text: unknown): number | string | FunctionError | Promise<number | string | FunctionError> {
  return inDateSystem((system) => {
    const read = dateArg(text, "date", system);
    if ("error" in read) return read.error;
    return read.value === null ? "" : serialFromIso(read.value, system);
  });
}

/**
 * The NHS financial-year quarter of a date (the year runs April to March), e.g. Q3 2023/24.
 * @customfunction FYQUARTER
 * @param date An Excel date or date text.
 * @returns The quarter, e.g. "Q3 2023/24"; blank for a blank cell.
 */
export function financialQuarter(date: unknown): string | FunctionError | Promise<string | FunctionError> {
  return withDates([date], (system) => {
    const read = dateArg(date, "date", system);
    if ("error" in read) return read.error;
    return read.value === null ? "" : fyQuarter(read.value);
  });
}
