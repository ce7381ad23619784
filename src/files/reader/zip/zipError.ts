/**
 * Why a zip archive cannot be read, for the format's reader to turn into a message for users
 * (a .xlsx reader says "truncated or damaged .xlsx (…)"; a limit is named as it is). "not-zip": no end of central
 * directory record, so the bytes are no zip or one cut short (the format's reader knows which is likelier).
 */
import { boundedText } from "../../../core/quote";

/** "larger-than-declared": an entry produced more than the size it declares (damaged, or a lie). */
export type ZipFailure = "not-zip" | "damaged" | "larger-than-declared" | "encrypted" | "too-many-entries" | "too-much-inflated";

export class ZipError extends Error {
  override readonly name = "ZipError";

  constructor(
    readonly failure: ZipFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A name in double quotes for a message: as every message shows text from a file (core/quote.ts), at most
 * LONGEST_QUOTED characters then "…", control and bidirectional characters made visible.
 */
export function quoted(text: string): string {
  return `"${boundedText(text)}"`;
}
