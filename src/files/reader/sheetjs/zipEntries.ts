/**
 * A bounded look inside an .ods (a zip) before SheetJS opens it. SheetJS inflates every entry whole, so a small
 * hostile file could make it inflate gigabytes: here the sizes the entries declare are added up against the
 * budget first, then every entry is inflated through the reader's own zip layer (../zip: the one directory parser,
 * inflating in slices and stopping one slice past the declared size), so one that holds more or less than it
 * declares is refused before SheetJS sees it. Only the entries asked for are kept.
 */
import { WorkbookReadError } from "../../errors";
import { formatBytes, overLimit } from "../csv/budget";
import { ZipArchive, ZipError, type ZipEntry } from "../zip";

export interface ZipBudget {
  readonly maxEntries: number;
  readonly maxInflatedBytes: number;
  /** Whose limit maxInflatedBytes is, for the message. */
  readonly inflatedScope?: string;
}

function damaged(detail: string): WorkbookReadError {
  return new WorkbookReadError(`damaged .ods file (${detail})`);
}

/** The zip layer's failures, in this reader's words. */
function odsErrorOf(error: ZipError, budget: ZipBudget): WorkbookReadError {
  switch (error.failure) {
    case "too-many-entries":
      return overLimit("zip entries", budget.maxEntries);
    case "not-zip":
    case "damaged":
    case "larger-than-declared":
    case "encrypted":
    case "too-much-inflated":
      return damaged(error.message);
  }
}

function inZipLayer<T>(budget: ZipBudget, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ZipError) throw odsErrorOf(error, budget);
    throw error;
  }
}

/** The entry's bytes, exactly as many as it declares: more or fewer and it is refused. */
function inflateExactly(archive: ZipArchive, entry: ZipEntry, budget: ZipBudget): Uint8Array {
  const out = new Uint8Array(entry.declaredSize);
  let filled = 0;
  try {
    archive.inflate(entry, (slice) => {
      out.set(slice, filled);
      filled += slice.length;
    });
  } catch (error) {
    if (error instanceof ZipError && error.failure === "larger-than-declared") throw damaged(`entry ${entry.name} holds more bytes but declares ${entry.declaredSize}`);
    if (error instanceof ZipError) throw odsErrorOf(error, budget);
    throw error;
  }
  if (filled !== entry.declaredSize) throw damaged(`entry ${entry.name} holds ${filled} bytes but declares ${entry.declaredSize}`);
  return out;
}

/**
 * Inflates every entry within the budget (so SheetJS, which reads them all, stays within it too) and gives back
 * the ones named in `wanted` (missing ones are left out). Those are inflated first, in that order, and each is
 * handed to `inspect` at once, so a check on the manifest (an encrypted file) comes before anything else fails.
 */
export function inflateWithinBudget(
  bytes: Uint8Array,
  wanted: readonly string[],
  budget: ZipBudget,
  inspect: (name: string, data: Uint8Array) => void = () => undefined,
): Map<string, Uint8Array> {
  // No archive-wide budget in the zip layer: the declared sizes are summed against ours below, and no entry may
  // produce more than it declares (the zip layer stops it a slice past that).
  const archive = inZipLayer(budget, () => ZipArchive.open(bytes, { maxEntries: budget.maxEntries, maxInflatedBytes: Number.MAX_SAFE_INTEGER }));
  let declared = 0;
  for (const entry of archive.entries) declared += entry.declaredSize;
  if (declared > budget.maxInflatedBytes) {
    const scope = budget.inflatedScope ?? "the limit";
    throw new WorkbookReadError(`the workbook expands to more than ${formatBytes(budget.maxInflatedBytes)} when opened (${scope}); it is not read`);
  }
  const rank = (entry: ZipEntry): number => {
    const index = wanted.indexOf(entry.name);
    return index === -1 ? wanted.length : index;
  };
  const ordered = [...archive.entries].sort((a, b) => rank(a) - rank(b));
  const kept = new Map<string, Uint8Array>();
  for (const entry of ordered) {
    if (entry.name.endsWith("/") && entry.compressedSize === 0) continue;
    const data = inflateExactly(archive, entry, budget);
    if (wanted.includes(entry.name)) {
      kept.set(entry.name, data);
      inspect(entry.name, data);
    }
  }
  return kept;
}
