/**
 * Office.js errors (OfficeExtension.Error: a `code` such as "ItemNotFound" plus a
 * technical message) turned into messages a person can act on. Duck-typed, because
 * OfficeExtension is not loaded in tests or before Office.onReady.
 */

export interface OfficeErrorLike {
  readonly code: string;
  readonly message: string;
}

export function isOfficeError(error: unknown): error is OfficeErrorLike {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" && code !== "" && typeof message === "string";
}

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge"]);

/** Excel refused a request or response for its size (Excel on the web caps both at 5 MB). */
export function isPayloadTooLarge(error: unknown): boolean {
  return isOfficeError(error) && PAYLOAD_CODES.has(error.code);
}

const ADVICE: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: "Excel is busy editing a cell: press Enter or Esc and try again.",
  ItemNotFound: "a sheet or range it needs is not in the workbook (was it renamed or deleted?). Refresh and try again.",
  ItemAlreadyExists: "something of that name is already in the workbook. Refresh and try again.",
  AccessDenied: "the workbook or sheet is protected or read-only. Unprotect it (Review > Unprotect Sheet) and try again.",
  InvalidArgument: "Excel rejected one of the values or addresses. Refresh and try again; if it keeps happening, report it.",
  InvalidReference: "a reference points outside the sheet. Refresh and try again.",
  ApiNotFound: "this version of Excel lacks a feature the add-in needs. Update Excel, or use Excel on the web.",
  NotImplemented: "this version of Excel lacks a feature the add-in needs. Update Excel, or use Excel on the web.",
  UnsupportedOperation: "Excel does not allow this here (for example on a protected, grouped or chart sheet).",
  UnsupportedSheet: "this sheet type cannot be used: pick an ordinary worksheet.",
  RequestAborted: "Excel cancelled the request (was the workbook closed?). Try again.",
  Conflict: "someone else changed the workbook at the same time. Try again.",
  ActivityLimitReached: "Excel is busy with other work. Wait a moment and try again.",
  RequestPayloadSizeLimitExceeded: "it is too much data for Excel to take at once. Try a smaller selection.",
  ResponsePayloadSizeLimitExceeded: "the sheet is too large for Excel to send at once. Remove unused rows and columns and try again.",
  FilteredRangeConflict: "a filter is in the way. Clear the filters on the sheet and try again.",
  MergedRangeConflict: "merged cells are in the way. Unmerge them and try again.",
  InsertDeleteConflict: "a table or merged cells are in the way. Try again after moving them.",
  OperationCellsExceedLimit: "it touches too many cells at once. Remove unused rows and columns and try again.",
  // A batch merged into one undo step held an API Excel cannot undo (excel-add-ins-undo-capabilities); host.ts avoids those.
  UndoNotSupported: "Excel could not make this one undo step. Try again; if it keeps happening, report it.",
};

/**
 * An Error whose message says what failed and what to do, e.g. "Could not read sheet
 * "Trusts": Excel is busy editing a cell: press Enter or Esc and try again." The original
 * error stays as `cause`. Errors that are not Office.js errors (our own, already worded
 * for people) are returned unchanged.
 */
export function describeOfficeError(action: string, error: unknown): Error {
  if (!isOfficeError(error)) return error instanceof Error ? error : new Error(`Could not ${action}: ${String(error)}`);
  const advice = ADVICE[error.code] ?? `Excel reported "${error.message}" (${error.code}). Try again; if it keeps happening, save, close and reopen the workbook.`;
  return new Error(`Could not ${action}: ${advice}`, { cause: error });
}

/** Runs `work`, rethrowing any failure as describeOfficeError(action, …). */
export async function withOfficeErrors<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw describeOfficeError(action, error);
  }
}
