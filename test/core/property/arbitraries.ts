/**
 * fast-check arbitraries for hostile grids: anything an adapter could hand the core. Values lean
 * towards what the reading rules look at (headers, enum spellings, date and money text), so the
 * rules run deep, and towards what breaks naive code (NaN, ±Infinity, -0, invalid dates, `__proto__`).
 */
import fc from "fast-check";
import { errorValue, type CellValue, type Row, type SheetData } from "../../../src/core/cells";
import { COLUMNS } from "../../../src/core/columns";
import { FUNDING_MODELS, PLANS, STAGES, STATUSES, SUPPLIER_ALIASES, TRUST_TYPES } from "../../../src/core/enums";
import { ICS_LABELS, PROFILE_NAMES } from "../../../src/core/schema";

/** Names that turn plain-object lookups into prototype lookups. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"] as const;

const HEADER_TEXTS: readonly string[] = COLUMNS.flatMap((c) => [c.header, ...c.alternatives]);
const ENUM_TEXTS: readonly string[] = [
  ...TRUST_TYPES, ...STATUSES, ...PLANS, ...STAGES, ...FUNDING_MODELS, ...PROFILE_NAMES,
  ...Object.entries(SUPPLIER_ALIASES).flatMap(([name, aliases]) => [name, ...aliases]),
  "live", " LIVE ", "single-ics-epr", "matched 50 50",
];
const DATE_TEXTS = [
  "2023-12-31", "31/12/2023", "31/12/23", "31-12-2023", "31.12.2023", "31 Dec 2023", "31 December 2023", "Dec 2023",
  "Dec-23", "12/2023", "2023-12", "Q3 2023/24", "Q3 2023", "2023/24", "Q4 1999/00", "12/31/2023", "31/02/2023",
  "1989-12-31", "2041-01-01", "0000-01-01", "9999-12-31", "Q5 2023/24", "2023/25",
];
const MONEY_TEXTS = ["£1,200,000", "1.2m", "£500k", "2bn", "-£5", "GBP 300", "£", "1e308", "9".repeat(400), "£1,2,3", ".5m", "1,000"];
const PLACEHOLDERS = ["TBC", "tba", "TBD", "Unknown", "N/A", "-", "?", "   "];
const CODES = ["RYJ", "R1H", "TAJ", "rz2", "QE1", "qzz", "R", "RYJX", "Q1"];

export const specialText: fc.Arbitrary<string> = fc.constantFrom(
  ...PROTOTYPE_KEYS, ...HEADER_TEXTS, ...ENUM_TEXTS, ...DATE_TEXTS, ...MONEY_TEXTS, ...PLACEHOLDERS, ...CODES,
  ...Object.values(ICS_LABELS), "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "\t", "\r\n", "\u0000", "\uFEFF", "\uD800",
);

export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  // Past the 200- and 2,000-character limits, built by repetition (filtering random strings would be slow).
  fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom(201, 2001)).map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length))),
);

export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 60, 1, 2_958_465, 2_958_466, 45_291, 45_291.75, Number.MAX_VALUE, Number.MIN_VALUE, -1, 1e21),
  fc.integer({ min: -1_000_000, max: 1e9 }),
);

export const anyDate: fc.Arbitrary<Date> = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.constant(new Date(Number.NaN)),
  fc.date({ min: new Date(Date.UTC(1985, 0, 1)), max: new Date(Date.UTC(2045, 0, 1)), noInvalidDate: true }),
);

export const anyError: fc.Arbitrary<CellValue> = fc
  .oneof(fc.constantFrom("#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "__proto__", ""), fc.string({ maxLength: 8 }))
  .map(errorValue);

export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: specialText },
  { weight: 2, arbitrary: anyText },
  { weight: 2, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: anyDate },
  { weight: 1, arbitrary: anyError },
);

/** A header row: known headers (any spelling) mixed with unknown, duplicate and prototype-named ones. */
const headerRow: fc.Arbitrary<CellValue[]> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HEADER_TEXTS) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>(...PROTOTYPE_KEYS) },
    { weight: 2, arbitrary: anyCell },
  ),
  { minLength: 0, maxLength: 24 },
);

/** Ragged data rows; sometimes wholly blank, sometimes wider than the header row. */
const dataRows: fc.Arbitrary<CellValue[][]> = fc.array(fc.array(anyCell, { maxLength: 26 }), { maxLength: 12 });

export interface HostileSheet {
  readonly sheet: SheetData;
}

/**
 * A sheet block anywhere on the sheet: a few title rows (0-12, so the header may sit past the
 * 10 scanned rows), perhaps a header row, then data; rows may be shorter or longer than the header.
 */
export const hostileSheet: fc.Arbitrary<SheetData> = fc
  .record({
    name: fc.oneof(fc.constantFrom("Trusts", "ICS", "__proto__", "constructor"), fc.string({ maxLength: 31 })),
    firstRow: fc.integer({ min: 1, max: 1_048_000 }),
    firstCol: fc.integer({ min: 1, max: 16_000 }),
    titles: fc.array(fc.array(anyCell, { maxLength: 4 }), { maxLength: 12 }),
    header: fc.option(headerRow, { nil: null }),
    data: dataRows,
  })
  .map(({ name, firstRow, firstCol, titles, header, data }) => {
    const rows: Row[] = [...titles, ...(header === null ? [] : [header]), ...data];
    return { name, firstRow, firstCol, rows };
  });

/** An `ICS` sheet: labels in column A (sometimes), anything in column B, noise around them. */
export const hostileIcsSheet: fc.Arbitrary<SheetData> = fc
  .record({
    firstRow: fc.integer({ min: 1, max: 50 }),
    firstCol: fc.integer({ min: 1, max: 3 }),
    rows: fc.array(
      fc.tuple(fc.oneof(fc.constantFrom<CellValue>(...Object.values(ICS_LABELS), ...PROTOTYPE_KEYS), anyCell), anyCell, fc.array(anyCell, { maxLength: 3 }))
        .map(([label, value, rest]) => [label, value, ...rest]),
      { maxLength: 14 },
    ),
  })
  .map(({ firstRow, firstCol, rows }) => ({ name: "ICS", firstRow, firstCol, rows }));

/** A submission date: any valid ISO date from the years the rules care about, and far outside them. */
export const submittedDate: fc.Arbitrary<string> = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
