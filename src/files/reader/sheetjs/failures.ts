/** SheetJS's exceptions as one-line messages for users (../../errors.ts WorkbookReadError). */
import { boundedText } from "../../../core/quote";
import { WorkbookReadError } from "../../errors";

export const PASSWORD_PROTECTED = "the workbook is password-protected (encrypted): save a copy without the password and check that";

export function describeSheetJsFailure(err: unknown, kind: "xls" | "ods"): WorkbookReadError {
  if (err instanceof WorkbookReadError) return err;
  const detail = (err instanceof Error ? err.message : String(err)).split("\n")[0]?.trim() ?? "";
  if (/password|encrypt/i.test(detail)) return new WorkbookReadError(PASSWORD_PROTECTED, { cause: err });
  // SheetJS's messages can carry file content: quoted as every message quotes text from a file.
  const short = boundedText(detail);
  return new WorkbookReadError(`damaged .${kind} file (${short || "it cannot be read"})`, { cause: err });
}
