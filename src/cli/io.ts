/** Where the command line writes; injectable so tests run `main` in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress lines then overwrite each other). */
  readonly stderrIsTTY: boolean;
  /** Today, as YYYY-MM-DD (the submission date when neither the ICS sheet, --submitted nor the stored date gives one). */
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

/** What a failed write on standard output or error means, for the one line the user sees. */
const OUTPUT_FAILURES: Readonly<Record<string, string>> = {
  EPIPE: "the program reading it stopped first",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file is too large",
  EIO: "an input/output error",
};

/**
 * The line printed when standard output (or error) cannot be written: a closed pipe (`| head -1`), a full
 * disk, a failed device. One line with the system's code, never a stack trace; the command exits 2.
 */
export function outputFailureLine(stream: "standard output" | "standard error", err: unknown): string {
  const code = typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" ? err.code : undefined;
  const detail = (code !== undefined ? OUTPUT_FAILURES[code] : undefined) ?? (err instanceof Error ? err.message : String(err));
  const oneLine = detail.replace(/\s+/g, " ").trim();
  return `epr-return: could not write to ${stream}${code !== undefined ? ` (${code})` : ""}: ${oneLine}\n`;
}
