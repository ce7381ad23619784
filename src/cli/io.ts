/** Where the command line writes; injectable so tests run `main` in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress lines then overwrite each other). */
  readonly stderrIsTTY: boolean;
  /** Today, as YYYY-MM-DD (the submission date when neither the ICS sheet nor --submitted gives one). */
  readonly today: string;
}

/** A problem the user must fix: printed as one line on stderr, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A file that cannot be read or written: one line naming the file, exit code 2. */
export class FileError extends Error {
  override readonly name = "FileError";
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
  }
}
