/**
 * A bounded zip reader for workbook packages: the central directory is parsed by ./directory.ts,
 * entries are found by name whatever their case and leading "/", and only the entries asked for are
 * inflated, slice by slice, within an archive-wide budget (./inflate.ts). Runs in the browser too.
 */
import { readZipDirectory, type ZipEntry } from "./directory";
import { inflateEntry, type InflateBudget, type RawInflater } from "./inflate";
import { ZipError } from "./zipError";

export type { ZipEntry } from "./directory";
export { quoted, ZipError, type ZipFailure } from "./zipError";
export type { RawInflater } from "./inflate";

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxInflatedBytes: number;
}

export interface ZipOptions {
  /** The host's faster inflater, for entries small enough to inflate at once (./inflate.ts). */
  readonly inflateRaw?: RawInflater;
}

/** The key an entry is found by: part names in a package are case-insensitive (ECMA-376 Part 2, 6.2.2.3). */
function lookupKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

export class ZipArchive {
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly budget: InflateBudget;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    maxInflatedBytes: number,
    private readonly inflateRaw: RawInflater | undefined,
  ) {
    // The first of two entries with the same name wins, as in most readers.
    for (const entry of entries) {
      const key = lookupKey(entry.name);
      if (!this.byKey.has(key)) this.byKey.set(key, entry);
    }
    this.budget = { inflated: 0, maxInflatedBytes };
  }

  /** Throws ZipError when the bytes hold no readable zip directory or too many entries. */
  static open(bytes: Uint8Array, limits: ZipLimits, options: ZipOptions = {}): ZipArchive {
    return new ZipArchive(bytes, readZipDirectory(bytes, limits.maxEntries).entries, limits.maxInflatedBytes, options.inflateRaw);
  }

  /** The entry with this part name (any case, with or without a leading "/"), if there is one. */
  find(name: string): ZipEntry | undefined {
    return this.byKey.get(lookupKey(name));
  }

  /** Bytes inflated so far, over every entry read. */
  get inflatedBytes(): number {
    return this.budget.inflated;
  }

  /** Streams the entry's content to onSlice; see ./inflate.ts for what throws. */
  inflate(entry: ZipEntry, onSlice: (slice: Uint8Array) => void): void {
    inflateEntry(this.bytes, entry, this.budget, onSlice, this.inflateRaw);
  }
}

/** Whether an error came from the zip layer (for the format reader's message). */
export function isZipError(error: unknown): error is ZipError {
  return error instanceof ZipError;
}
