/**
 * The read budgets (../types.ts ReadLimits) as the .csv and SheetJS readers count them: the defaults with the
 * caller's overrides, and the one-line message that names a limit a file goes over.
 */
import { WorkbookReadError } from "../../errors";
import { formatBytes, formatCount } from "../budget";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../types";

export { formatBytes, formatCount };

export function resolveLimits(overrides: Partial<ReadLimits> | undefined): ReadLimits {
  const limits: { -readonly [K in keyof ReadLimits]: number } = { ...DEFAULT_READ_LIMITS };
  for (const key of Object.keys(limits) as (keyof ReadLimits)[]) {
    const value = overrides?.[key];
    if (typeof value === "number" && !Number.isNaN(value)) limits[key] = value;
  }
  return limits;
}

export const WORKBOOK_LIMIT = "the limit for one workbook";

/**
 * `what` in the plural, e.g. "cells": "the file holds more than 2,000,000 cells (the limit for one workbook); it
 * is not read". `scope` says whose limit it is when a format has a lower one than the workbook's.
 */
export function overLimit(what: string, limit: number, scope = WORKBOOK_LIMIT): WorkbookReadError {
  return new WorkbookReadError(`the file holds more than ${formatCount(limit)} ${what} (${scope}); it is not read`);
}

export function checkFileSize(size: number, limit: number, why = ""): void {
  if (size > limit) {
    throw new WorkbookReadError(`the file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit${why}; it is not read`);
  }
}
