/**
 * Why a zip archive cannot be read, for the format's reader to turn into a message for users
 * (a .xlsx reader says "truncated or damaged .xlsx (…)"; a limit is named as it is). "not-zip": no end of central
 * directory record, so the bytes are no zip or one cut short (the format's reader knows which is likelier).
 */
export type ZipFailure = "not-zip" | "damaged" | "encrypted" | "too-many-entries" | "too-much-inflated";

export class ZipError extends Error {
  override readonly name = "ZipError";

  constructor(
    readonly failure: ZipFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Characters of a name or value a message quotes, at most: messages stay one short line whatever the file holds. */
const MAX_QUOTED_CHARS = 200;

/** A name in double quotes for a message, cut to MAX_QUOTED_CHARS with "…". */
export function quoted(text: string): string {
  return `"${text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text}"`;
}
