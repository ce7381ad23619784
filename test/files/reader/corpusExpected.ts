/**
 * The corpus's expected results (test/fixtures/corpus/expected/*.json), written by hand from what the producing
 * program shows, never by running our reader. Each file names its fixture; the corpus test runs one case a file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { cellAt, isErrorValue, parseAddress, type CellValue, type SheetData } from "../../../src/core/cells";

export const CORPUS_DIR = join(__dirname, "..", "..", "fixtures", "corpus");
const EXPECTED_DIR = join(CORPUS_DIR, "expected");

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A cell as the test compares it: dates as their ISO day, errors by their code. */
const expectedCell = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.object({ date: isoDay }).strict(),
  z.object({ error: z.string().startsWith("#") }).strict(),
]);
export type ExpectedCell = z.infer<typeof expectedCell>;

const expectedIssue = z.object({ sheet: z.string(), cell: z.string(), code: z.string() }).strict();
export type ExpectedIssue = z.infer<typeof expectedIssue>;

const expectation = z
  .object({
    file: z.string().regex(/\.xls[xm]$/),
    producer: z.string().min(1),
    tests: z.string().min(1),
    format: z.literal("xlsx"),
    date1904: z.boolean(),
    sheets: z.array(z.object({ name: z.string(), state: z.enum(["visible", "hidden", "veryHidden"]) }).strict()).min(1),
    definedNames: z.array(z.object({ name: z.string(), sheet: z.string().nullable(), formula: z.string() }).strict()).optional(),
    /** Names that must be among WorkbookData.beyondValues (others may be there too). */
    beyondValuesInclude: z.array(z.string()).optional(),
    /** Sheet name → A1 address → value. */
    cells: z.record(z.string(), z.record(z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/), expectedCell)),
    check: z
      .object({
        today: isoDay,
        /** The command line's --submitted; the ICS sheet's submission date, when there is one, wins. */
        submitted: isoDay.optional(),
        expect: z
          .object({
            sheet: z.string(),
            headerRow: z.number().int().positive(),
            trustRows: z.number().int().nonnegative(),
            submitted: isoDay,
            issues: z.array(expectedIssue),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();
export type CorpusExpectation = z.infer<typeof expectation>;

export function loadExpectations(): CorpusExpectation[] {
  return readdirSync(EXPECTED_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const parsed = expectation.safeParse(JSON.parse(readFileSync(join(EXPECTED_DIR, name), "utf8")));
      if (!parsed.success) throw new Error(`expected/${name} is not a valid expectation: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** The fixture files themselves (everything in the corpus folder that is a workbook). */
export function fixtureFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((name) => /\.xls[xm]$/.test(name)).sort();
}

export function comparableCell(value: CellValue): ExpectedCell {
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) };
  if (isErrorValue(value)) return { error: value.code };
  return value;
}

/** The grid's value at each address the expectation lists, in the comparable form. */
export function cellsAt(grid: SheetData, addresses: readonly string[]): Record<string, ExpectedCell> {
  const out: Record<string, ExpectedCell> = {};
  for (const address of addresses) {
    const at = parseAddress(address);
    if (!at) throw new Error(`"${address}" is not an A1 address`);
    out[address] = comparableCell(cellAt(grid, at.row, at.col));
  }
  return out;
}

/** Issues as the expectation lists them, in a stable order (so that the comparison ignores ties in sorting). */
export function sortedIssues(issues: readonly ExpectedIssue[]): ExpectedIssue[] {
  const key = (i: ExpectedIssue) => `${i.sheet}\u0000${i.cell.padStart(8, " ")}\u0000${i.code}`;
  return [...issues].map(({ sheet, cell, code }) => ({ sheet, cell, code })).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
