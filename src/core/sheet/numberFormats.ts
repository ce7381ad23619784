/** Reading Excel number format codes, as Excel and the file formats write them (host-neutral). */

/**
 * Whether a number format shows a date: it has a day or year code, or a month code
 * without hours/seconds (so "h:mm" stays a time, "mmm-yy" is a date). Quoted text,
 * escaped characters and [...] sections (colours, locales, elapsed [h]) are ignored.
 */
export function isDateNumberFormat(format: unknown): boolean {
  if (typeof format !== "string") return false;
  const firstSection = format.split(";")[0] ?? "";
  // Elapsed-time codes ([h]:mm) make a duration, not a date, unless a day or year code is there too.
  const elapsed = /\[(h+|m+|s+)\]/i.test(firstSection);
  const codes = firstSection
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_./g, "")
    .toLowerCase();
  if (codes === "general") return false;
  if (/[dy]/.test(codes)) return true;
  return !elapsed && /m/.test(codes) && !/[hs]/.test(codes);
}
