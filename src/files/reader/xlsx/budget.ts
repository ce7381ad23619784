/**
 * The read budgets (../types.ts ReadLimits) as counters over the whole workbook: every part read
 * adds to the same counters, so many small sheets cannot add up to more than one big one may.
 * Each is counted on what the file holds (row and cell elements, empty ones included), never on
 * what it declares.
 */
import { WorkbookReadError } from "../../errors";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../types";

export function resolveLimits(overrides: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...overrides };
}

/** 1234567 → "1,234,567" (the same in every locale: messages are in English). */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Grid slots (each row's cells from column A to its last value, plus one per row up to a sheet's
 * last row with values) that may be built over the whole workbook, per cell allowed: a value far
 * right or far down costs the blanks before it, and this keeps that cost in proportion to the
 * cells budget (the default: 8,000,000 slots, about 64 MB of pointers).
 */
const GRID_SLOTS_PER_CELL = 4;

export class ReadBudget {
  rows = 0;
  cells = 0;
  sharedStrings = 0;
  /** Characters of all text kept: shared strings, and also inline strings, sheet and defined names. */
  textChars = 0;
  styles = 0;
  gridSlots = 0;
  readonly maxGridSlots: number;

  constructor(readonly limits: ReadLimits) {
    this.maxGridSlots = limits.maxCells * GRID_SLOTS_PER_CELL;
  }

  /** Throws: the workbook is over a budget. */
  tooBig(what: string, limit: number): never {
    throw new WorkbookReadError(`too big to read: the workbook holds more than ${formatCount(limit)} ${what} (the limit)`);
  }

  /** Characters of text kept (maxSharedStringChars counts every string the reader keeps, not only shared ones). */
  countText(chars: number): void {
    this.textChars += chars;
    if (this.textChars > this.limits.maxSharedStringChars) this.tooBig("characters of text in strings", this.limits.maxSharedStringChars);
  }

  addGridSlots(slots: number): void {
    this.gridSlots += slots;
    if (this.gridSlots > this.maxGridSlots) this.tooBig("cells from column A to each row's last value, and rows down to each sheet's last value", this.maxGridSlots);
  }
}
