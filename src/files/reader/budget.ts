/** Sizes and counts as users read them in the readers' messages. */
const MB = 1024 * 1024;

/** "600 MB", "1.5 MB", "12 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** "1,000,000". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}
