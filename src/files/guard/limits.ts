/**
 * The limits the guard enforces. Defaults are generous for an EPR return (a few hundred rows,
 * well under 1 MB) and small enough that exceljs stays within a browser tab's or Node's memory.
 */
export interface XlsxLimits {
  /** The .xlsx file itself. */
  maxFileBytes: number;
  /** Entries (parts) in the zip; each becomes a stream and objects in exceljs. */
  maxEntries: number;
  /** All entries together once inflated, declared and actual. */
  maxTotalUncompressedBytes: number;
  /** Inflated size over compressed size, for entries bigger than ratioCheckMinBytes. */
  maxCompressionRatio: number;
  /** Entries up to this size may compress any amount (tiny repetitive XML compresses very well). */
  ratioCheckMinBytes: number;
  /**
   * Cells a sheet's data validations, or its merged ranges, or the workbook's defined names may
   * cover in total: exceljs makes an object per covered cell. What goes over is dropped, since
   * reading values never needs them.
   */
  maxRangeCells: number;
  /** Merged ranges kept per sheet: exceljs checks each new merge against all earlier ones. */
  maxMergesPerSheet: number;
  /** Cell elements (<c>) over all worksheets, empty styled ones included: exceljs makes an object for each. */
  maxCells: number;
}

export const DEFAULT_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 16 * 1024 * 1024,
  maxRangeCells: 100_000,
  maxMergesPerSheet: 2_000,
  maxCells: 1_000_000,
});

export function resolveLimits(overrides: Partial<XlsxLimits> = {}): XlsxLimits {
  const limits: XlsxLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof XlsxLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    // Infinity is allowed: it switches a limit off.
    if (Number.isNaN(value) || value < 0) throw new RangeError(`xlsx limit ${key} must be a non-negative number, got ${value}`);
    limits[key] = value;
  }
  return limits;
}

const MB = 1024 * 1024;

/** "600 MB", "1.5 MB", "12 KB": sizes in messages users read. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}
