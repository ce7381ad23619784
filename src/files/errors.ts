/** A workbook that could not be opened; the message is for users (the CLI prints it after the file name). */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
