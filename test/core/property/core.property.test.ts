/**
 * Property tests: the core never throws on any grid an adapter could produce, and what it
 * returns stays well-formed (issues point inside the sheet, survive JSON, scores are finite,
 * exports parse). Each property runs ~200 random grids; a failure prints the seed to replay.
 */
import fc from "fast-check";
import { lastCol, lastRow, parseAddress, type SheetData } from "../../../src/core/cells";
import { scoreReturn } from "../../../src/core/calc";
import { COLUMNS } from "../../../src/core/columns";
import { exportCsv, exportJson } from "../../../src/core/export";
import { detectMapping } from "../../../src/core/headers";
import { readIcsSheet } from "../../../src/core/ics";
import type { Issue } from "../../../src/core/issues";
import { PROFILE_NAMES, TrustRowSchema, type IcsDetails, type TrustRow } from "../../../src/core/schema";
import { validateSheet } from "../../../src/core/validate";
import { hostileIcsSheet, hostileSheet, submittedDate } from "./arbitraries";
import { parseCsv } from "./csv";

const RUNS = { numRuns: 200 };

/** Where an issue may point: a row of the block (its first row when it is empty), a column of its widest row. */
function expectInside(issue: Issue, sheet: SheetData): void {
  const address = parseAddress(issue.cell);
  expect(address).not.toBeNull();
  expect(address?.row).toBe(issue.row);
  const rows = { first: sheet.firstRow, last: Math.max(lastRow(sheet), sheet.firstRow) };
  const cols = { first: sheet.firstCol, last: Math.max(lastCol(sheet), sheet.firstCol) };
  expect(issue.row).toBeGreaterThanOrEqual(rows.first);
  expect(issue.row).toBeLessThanOrEqual(rows.last);
  expect(address?.col).toBeGreaterThanOrEqual(cols.first);
  expect(address?.col).toBeLessThanOrEqual(cols.last);
  expect(issue.sheet).toBe(sheet.name);
}

/** The issue as the command line's --json prints it, read back. */
function expectJsonRoundTrip(issue: Issue): void {
  expect(JSON.parse(JSON.stringify(issue))).toEqual(issue);
}

/** Every number anywhere in a value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(numbersIn);
}

const FORMULA_START = /^[=+\-@\t\r\n]/;

describe("the core on hostile grids", () => {
  it("detectMapping finds no header row or one within the first 10 rows, with headers inside the row", () => {
    fc.assert(
      fc.property(hostileSheet, (sheet) => {
        const mapping = detectMapping(sheet);
        if (mapping.headerRow === null) return;
        expect(mapping.headerRow).toBeGreaterThanOrEqual(sheet.firstRow);
        expect(mapping.headerRow).toBeLessThan(sheet.firstRow + 10);
        for (const header of mapping.headers) {
          expect(header.col).toBeGreaterThanOrEqual(sheet.firstCol);
          expect(header.col).toBeLessThanOrEqual(lastCol(sheet));
          expect(typeof header.text).toBe("string");
        }
      }),
      RUNS,
    );
  });

  it("validateSheet never throws; issues point inside the block, round-trip through JSON and add up", () => {
    fc.assert(
      fc.property(hostileSheet, submittedDate, (sheet, submitted) => {
        const result = validateSheet(sheet, { submitted });
        for (const issue of result.issues) {
          expectInside(issue, sheet);
          expectJsonRoundTrip(issue);
        }
        expect(result.errors + result.warnings).toBe(result.issues.length);
        expect(result.trusts).toHaveLength(result.rows);
        for (const trust of result.trusts) expect(TrustRowSchema.safeParse(trust).success).toBe(true);
        const rows = result.issues.map((i) => i.row);
        expect(rows).toEqual([...rows].sort((a, b) => a - b));
        // Header cells are A1 addresses: a header named __proto__ cannot become a key of the record.
        for (const cell of Object.keys(result.mapping)) expect(parseAddress(cell)).not.toBeNull();
      }),
      RUNS,
    );
  });

  it("readIcsSheet never throws; its issues point at column B of a row of the block", () => {
    fc.assert(
      fc.property(hostileIcsSheet, (sheet) => {
        const { details, issues } = readIcsSheet(sheet);
        expect(Object.keys(details).sort()).toEqual(["contactEmail", "contactName", "icbCode", "icsName", "submissionDate", "targetProfile"]);
        for (const issue of issues) {
          expect(parseAddress(issue.cell)).toEqual({ row: issue.row, col: 2 });
          expect(issue.row).toBeGreaterThanOrEqual(sheet.firstRow);
          expect(issue.row).toBeLessThanOrEqual(lastRow(sheet));
          expectJsonRoundTrip(issue);
        }
      }),
      RUNS,
    );
  });

  it("scoreReturn on the trusts read gives only finite numbers, for every profile and weighting", () => {
    fc.assert(
      fc.property(hostileSheet, submittedDate, fc.constantFrom(...PROFILE_NAMES), fc.boolean(), fc.option(submittedDate, { nil: undefined }), (sheet, submitted, profile, byBeds, asOf) => {
        const { trusts } = validateSheet(sheet, { submitted });
        const score = scoreReturn(trusts, { profile, asOf, weight: byBeds ? "beds" : undefined });
        for (const n of numbersIn(score)) expect(Number.isFinite(n)).toBe(true);
        expect(score.trusts).toBe(trusts.length);
        for (const c of [score.convergence.now, score.convergence.target]) {
          expect(c.score).toBeGreaterThanOrEqual(0);
          expect(c.score).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      RUNS,
    );
  });

  it("exportCsv and exportJson never throw; the CSV has one record per trust, no formula triggers, and the JSON parses back", () => {
    fc.assert(
      fc.property(hostileSheet, hostileIcsSheet, submittedDate, fc.boolean(), (sheet, icsSheet, submitted, withIcs) => {
        const { trusts } = validateSheet(sheet, { submitted });
        const ics: IcsDetails | undefined = withIcs ? readIcsSheet(icsSheet).details : undefined;

        const csv = exportCsv(trusts, ics);
        expect(csv.startsWith("\uFEFF")).toBe(true);
        const records = parseCsv(csv.slice(1));
        expect(records).toHaveLength(trusts.length + 1);
        const width = COLUMNS.length + (ics ? 2 : 0);
        for (const record of records) {
          expect(record).toHaveLength(width);
          for (const field of record) expect(FORMULA_START.test(field)).toBe(false);
        }

        const doc = JSON.parse(exportJson(trusts, ics)) as { format: string; ics: IcsDetails | null; trusts: Record<string, unknown>[] };
        expect(doc.ics).toEqual(ics ?? null);
        expect(doc.trusts).toHaveLength(trusts.length);
        doc.trusts.forEach((exported, i) => {
          const { row: _row, ...fields } = trusts[i] as TrustRow;
          expect(exported).toEqual(fields);
        });
      }),
      RUNS,
    );
  });
});
