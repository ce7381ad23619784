/** SheetJS's exceptions as one-line messages for users (../../errors.ts WorkbookReadError). */
import { WorkbookReadError } from "../../errors";

export const PASSWORD_PROTECTED = "the workbook is password-protected (encrypted): save a copy without the password and check that";

/** Messages quote at most this much of what SheetJS said (its messages can carry file content). */
const MAX_DETAIL = 200;

export function describeSheetJsFailure(err: unknown, kind: "xls" | "ods"): WorkbookReadError {
  if (err instanceof WorkbookReadError) return err;
  const detail = (err instanceof Error ? err.message : String(err)).split("\n")[0]?.trim() ?? "";
  if (/password|encrypt/i.test(detail)) return new WorkbookReadError(PASSWORD_PROTECTED, { cause: err });
  const short = detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail;
  return new WorkbookReadError(`damaged .${kind} file (${short || "it cannot be read"})`, { cause: err });
}
