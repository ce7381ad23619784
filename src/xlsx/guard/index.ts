/** Defending .xlsx reading against hostile and broken files: run preflightXlsx before exceljs. */
export { preflightXlsx } from "./preflight";
export { XlsxRejectedError, type XlsxRejectReason } from "./errors";
export { DEFAULT_LIMITS, type XlsxLimits } from "./limits";
