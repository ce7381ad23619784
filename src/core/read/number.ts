/** Money and whole numbers (spec section 5). */
import type { CellValue } from "../cells";
import { DEFAULT_SEVERITY } from "../catalogue";
import { makeNote, readInvalid, readValue, type ReadResult } from "./note";
import { readContent } from "./presence";

const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ["", 1], ["k", 1e3], ["thousand", 1e3], ["m", 1e6], ["mn", 1e6], ["million", 1e6], ["bn", 1e9], ["billion", 1e9],
]);

/** `£1,200,000`, `1.2m`, `£500k`, `2bn`, `-£5`, `GBP 300`: sign, pounds sign, digits (commas in threes), multiplier. */
const MONEY_TEXT = /^(-)?\s*(?:£|gbp)?\s*(-)?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(billion|bn|million|mn|m|thousand|k)?\s*(?:gbp)?$/i;
const WHOLE_TEXT = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;

/**
 * Past this, sums over a sheet are no longer exact, and squares of beds (bed-weighted HHI) or
 * totals of amounts can overflow to Infinity: such a value is refused rather than read.
 */
const LARGEST_READ = Number.MAX_SAFE_INTEGER;

/** -0 (typed, or "-0" as text) reads as 0, so that JSON and CSV show what the cell means. */
function withoutNegativeZero(n: number): number {
  return n === 0 ? 0 : n;
}

/** Rounded to the penny, so that 1.1m is exactly 1100000. */
function toPence(amount: number): number {
  return Math.round(amount * 100) / 100;
}

function moneyFromText(text: string): number | null {
  const match = MONEY_TEXT.exec(text);
  if (!match) return null;
  const multiplier = MULTIPLIERS.get((match[4] ?? "").toLowerCase()) ?? 1;
  const amount = toPence(Number((match[3] ?? "").replace(/,/g, "")) * multiplier);
  return match[1] !== undefined || match[2] !== undefined ? -amount : amount;
}

// The failed readings, made once: results are read-only, so every cell that fails the same way shares one.
const invalidMoney = readInvalid<number>(makeNote("invalid_number", DEFAULT_SEVERITY.invalid_number, { expected: "money" }));
const negative = readInvalid<number>(makeNote("out_of_range", DEFAULT_SEVERITY.out_of_range, { reason: "negative" }));
const tooLarge = readInvalid<number>(makeNote("out_of_range", DEFAULT_SEVERITY.out_of_range, { reason: "too_large" }));
const invalidWhole = readInvalid<number>(makeNote("invalid_number", DEFAULT_SEVERITY.invalid_number, { expected: "whole" }));

export function readMoney(cell: CellValue): ReadResult<number> {
  return readContent(cell, (content) => {
    const invalid = invalidMoney;
    if (typeof content === "number") {
      if (Number.isNaN(content)) return invalid;
      if (content < 0) return negative;
      return content > LARGEST_READ ? tooLarge : readValue(withoutNegativeZero(content));
    }
    if (typeof content !== "string") return invalid;
    const parsed = moneyFromText(content);
    if (parsed === null) return invalid;
    if (parsed < 0) return negative;
    if (parsed > LARGEST_READ) return tooLarge;
    const amount = withoutNegativeZero(parsed);
    return readValue(amount, [makeNote("number_as_text", DEFAULT_SEVERITY.number_as_text, { amount, expected: "money" })]);
  });
}

/** Beds: a whole number, 0 or more. Digits typed as text are read with number_as_text, as for money. */
export function readWholeNumber(cell: CellValue): ReadResult<number> {
  return readContent(cell, (content) => {
    const invalid = invalidWhole;
    if (typeof content === "number") return Number.isSafeInteger(content) && content >= 0 ? readValue(withoutNegativeZero(content)) : invalid;
    if (typeof content !== "string" || !WHOLE_TEXT.test(content)) return invalid;
    const amount = Number(content.replace(/,/g, ""));
    if (!Number.isSafeInteger(amount)) return invalid;
    return readValue(amount, [makeNote("number_as_text", DEFAULT_SEVERITY.number_as_text, { amount, expected: "whole" })]);
  });
}
