/**
 * Text from a workbook shown inside messages and reports. Two dangers, one helper:
 * - size: a cell may hold a megabyte of text, referenced by thousands of cells; a message repeating it
 *   whole makes output quadratic in the file (a 0.7 MB file once crashed `validate --json` with
 *   "Invalid string length"). At most LONGEST_QUOTED characters are shown, then "…".
 * - invisibility: control characters (a terminal's escape sequences) and bidirectional overrides (which
 *   reorder what a reader sees) are shown as `<U+202E>`; tab, CR and LF, common in cells and headers typed
 *   with Alt+Enter, are shown as a space, so that a message stays on one line and still reads naturally.
 */

/** At most this many characters of a value are quoted in a message or report. */
export const LONGEST_QUOTED = 200;

/**
 * Bidirectional controls (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI; LRM, RLM; ALM) and the line and
 * paragraph separators, which JSON allows raw in strings but many readers (and JavaScript before ES2019) break lines on.
 */
export const BIDI_AND_SEPARATORS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u2028\u2029]/g;

/** What messages do not show as it is: BIDI_AND_SEPARATORS, C0 and C1 controls (tab, CR, LF and ESC among them) and DEL. */
function isInvisible(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x061c || code === 0x200e || code === 0x200f
    || (code >= 0x2028 && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** True when the text is short enough and has nothing to make visible: shown as it is (the common case, kept fast). */
function showsAsIs(text: string, max: number): boolean {
  if (text.length > max) return false;
  for (let index = 0; index < text.length; index++) if (isInvisible(text.charCodeAt(index))) return false;
  return true;
}

/** `<U+202E>`: the Unicode name of a code point, which anyone can look up. */
export function visibleCodePoint(char: string): string {
  return `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`;
}

/**
 * The text as shown in a message: invisible characters made visible, and cut after `max` characters of
 * output with "…". Only the shown prefix is looked at, so a megabyte of text costs no more than a word.
 */
export function boundedText(text: string, max: number = LONGEST_QUOTED): string {
  if (showsAsIs(text, max)) return text;
  let shown = "";
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    // A surrogate pair is one character: never cut between its halves.
    const width = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
    const char = text.slice(index, index + width);
    const piece = code === 0x09 || code === 0x0a || code === 0x0d ? " " : isInvisible(code) ? visibleCodePoint(char) : char;
    if (shown.length + piece.length > max) return `${shown}…`;
    shown += piece;
    index += width;
  }
  return shown;
}

/**
 * The first `max` UTF-16 units of the text (fewer rather than cut a surrogate pair), raw: for reports
 * that carry the value itself, such as the `value` of validate --json, flagged there as cut.
 */
export function textPrefix(text: string, max: number = LONGEST_QUOTED): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** A value quoted in a sentence: “text”, bounded and with invisible characters shown. */
export function quoteValue(text: string, max: number = LONGEST_QUOTED): string {
  return `“${boundedText(text, max)}”`;
}

/** A list of values in a sentence: the first `most` of them, then how many more. */
export function boundedList(items: readonly string[], most = 10): string {
  const shown = items.slice(0, most).join(", ");
  return items.length > most ? `${shown} and ${items.length - most} more` : shown;
}
