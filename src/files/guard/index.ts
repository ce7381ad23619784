/** Defending .xlsx reading against hostile and broken files: run preflightXlsx before exceljs. */
export { preflightXlsx, type PreflightOptions } from "./preflight";
export type { RawInflate } from "./rawEntries";
export { XlsxRejectedError, type XlsxRejectReason } from "./errors";
export { DEFAULT_LIMITS, type XlsxLimits } from "./limits";
