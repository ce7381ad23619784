/** The one-line verdict on a return: ready to send when it has no errors (spec section 6). */
function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function verdict(errors: number, warnings: number): string {
  if (errors === 0) return warnings === 0 ? "Ready to send" : `Ready to send (${plural(warnings, "warning")})`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
