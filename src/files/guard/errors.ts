/** Why a file was turned away before exceljs saw it; lets callers react without parsing the message. */
export type XlsxRejectReason =
  | "empty"
  | "old-xls"
  | "encrypted"
  | "not-zip"
  | "truncated"
  | "damaged"
  | "not-workbook"
  | "unsupported-zip"
  | "too-many-entries"
  | "file-too-large"
  | "zip-bomb"
  | "too-many-cells"
  | "out-of-range";

/**
 * A file the guard will not hand to exceljs. The message is for users: it says what is wrong
 * and, for limits, what the limit is. The stack is of no use to them, so it is left out.
 */
export class XlsxRejectedError extends Error {
  override readonly name = "XlsxRejectedError";
  readonly reason: XlsxRejectReason;

  constructor(reason: XlsxRejectReason, message: string) {
    super(message);
    this.reason = reason;
    this.stack = `${this.name}: ${message}`;
  }
}
