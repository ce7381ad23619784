/** Runs a command over several files: a progress line on stderr, and an unreadable file reported and skipped. */
import { FileError, type CliIo } from "./io";

export interface BatchOutcome<T> {
  readonly results: T[];
  /** True when any file could not be read (exit code 2). */
  readonly failed: boolean;
}

export async function forEachFile<T>(files: readonly string[], io: CliIo, work: (file: string) => Promise<T>): Promise<BatchOutcome<T>> {
  const results: T[] = [];
  let failed = false;
  const batch = files.length > 1;
  for (const [index, file] of files.entries()) {
    if (batch) progress(io, `[${index + 1}/${files.length}] ${file}`);
    try {
      results.push(await work(file));
    } catch (err) {
      if (!(err instanceof FileError)) throw err;
      if (batch && io.stderrIsTTY) progress(io, "");
      io.stderr(`epr-return: ${err.message}\n`);
      failed = true;
    }
  }
  if (batch) progress(io, `checked ${files.length} files${failed ? " (some could not be read)" : ""}`, true);
  return { results, failed };
}

function progress(io: CliIo, line: string, last = false): void {
  // On a terminal the line is redrawn in place; in a log each step is its own line.
  if (io.stderrIsTTY) io.stderr(`\r\x1b[K${line}${last ? "\n" : ""}`);
  else if (line !== "") io.stderr(`${line}\n`);
}
