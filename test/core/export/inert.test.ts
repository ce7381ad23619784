/**
 * The CSV export stays inert whatever list separator the spreadsheet splits on (`,` in the UK, `;` in much of
 * Europe, tab when pasted), and neither export carries bidirectional controls or line separators raw.
 */
import fc from "fast-check";
import { COLUMNS, COLUMN_KEYS } from "../../../src/core/columns";
import { csvText, exportCsv, exportCsvPieces, exportDocument, exportJson, exportJsonPieces } from "../../../src/core/export";
import type { IcsDetails, TrustRow } from "../../../src/core/schema";
import { validateSheet } from "../../../src/core/validate";
import type { CellValue, SheetData } from "../../../src/core/cells";

const SEPARATORS = [",", ";", "\t"] as const;

/**
 * The cells a spreadsheet program makes of CSV text when it splits on `separator`, as Excel and LibreOffice
 * do: a field opening with `"` is quoted (`""` is a quote) until a lone `"`, after which the text up to the
 * separator is appended as it is; outside quotes CR or LF ends the record. A `,` file opened in a `;` locale
 * is read this way, our quotes then standing mid-field where they mean nothing.
 */
function spreadsheetCells(text: string, separator: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let cell = "";
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        if (text[i] === '"') { i++; break; }
        cell += text[i];
        i++;
      }
    }
    while (i < text.length && text[i] !== separator && text[i] !== "\r" && text[i] !== "\n") {
      cell += text[i];
      i++;
    }
    cells.push(cell);
    i++;
  }
  return cells;
}

/** A cell a spreadsheet would run: a formula trigger first, even after spaces (some programs trim them). */
const RUNS_AS_FORMULA = /^\s*[=+\-@]/;

function expectInertEverywhere(csv: string): void {
  for (const separator of SEPARATORS) {
    for (const cell of spreadsheetCells(csv, separator)) expect({ separator, cell, runs: RUNS_AS_FORMULA.test(cell) }).toEqual({ separator, cell, runs: false });
  }
}

const HOSTILE = [
  "x;=cmd|' /C calc'!A0;",
  "x\t=1+2",
  "a,=HYPERLINK(\"http://x\",\"y\")",
  "a, =1",
  "a;\"=1\"",
  "a; \"=1\";",
  "=1",
  " =1",
  "\u00A0@SUM(1)",
  "\"=1\"",
  "\"\"=1",
  "-1+2",
  "+1",
  "@SUM(A1)",
  "a\r\n=1",
  "a\n@x",
  "a\r-1",
  ";",
  "x;",
  ";=1",
  "\t=1",
  "\"",
  ";\"\";=1",
  "'=1;=2",
  "=1;=2;=3",
];

/**
 * A trust row with `text` in every column the types allow text in, and `number` in every numeric one. The
 * types forbid hostile text in enum, code and date columns, which reading guarantees; the export must not
 * rely on it, so the row is built past the types on purpose.
 */
function hostileRow(text: string, number: number): TrustRow {
  const numeric = new Set<string>(COLUMNS.filter((c) => c.type === "money" || c.type === "whole").map((c) => c.key));
  const fields = Object.fromEntries(COLUMN_KEYS.map((key) => [key, numeric.has(key) ? number : text]));
  return { row: 2, ...fields } as unknown as TrustRow;
}

const ICS: IcsDetails = { icsName: "x;=1", icbCode: "QE1", contactName: null, contactEmail: null, submissionDate: null, targetProfile: null };

describe("CSV export in every list-separator locale", () => {
  it.each(HOSTILE)("%j in every column is inert whether split on comma, semicolon or tab", (hostile) => {
    const csv = exportCsv([hostileRow(hostile, 1), hostileRow("plain", 2)], { ...ICS, icsName: hostile });
    expectInertEverywhere(csv.slice(1));
  });

  it("quotes the issue's example and marks the piece after the semicolon", () => {
    const field = csvText("x;=cmd|' /C calc'!A0;");
    expect(field).toBe(`"x;'=cmd|' /C calc'!A0;"`);
    // In a `;` locale the line (here after a first field) is cut at the semicolons: the middle piece starts with the apostrophe.
    expect(spreadsheetCells(`RYJ,${field}`, ";")).toEqual([`RYJ,"x`, `'=cmd|' /C calc'!A0`, ""]);
  });

  it("quotes every field holding a separator, a quote or a line break, and only those", () => {
    for (const text of ["a,b", "a;b", "a\tb", 'a"b', "a\rb", "a\nb"]) expect(csvText(text).startsWith('"')).toBe(true);
    for (const text of ["Barts Health", "Matched 50/50", "St Mary's", "a-b", "a=b", "x@y"]) expect(csvText(text)).toBe(text);
  });

  it("writes numbers as numbers, a negative one included: a spreadsheet reads -5 as minus five, not a formula", () => {
    const line = exportCsv([hostileRow("plain", -5)]).split("\r\n")[1] ?? "";
    const moneyColumn = COLUMNS.findIndex((c) => c.type === "money");
    expect(line.split(",")[moneyColumn]).toBe("-5");
    expect(line).not.toContain("'-5");
  });

  it("writes bidirectional controls and line separators as visible <U+…> text", () => {
    const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", "\u2028", "\u2029"];
    for (const control of controls) {
      const field = csvText(`evil${control}txt.exe`);
      expect(field).toBe(`evil<U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>txt.exe`);
    }
    const csv = exportCsv([hostileRow("a\u202Eb\u2028c", 1)], { ...ICS, icsName: "\u2066x" });
    expect(csv).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u2028\u2029]/);
  });

  it("is inert for random text made of separators, quotes, spaces and triggers", () => {
    const alphabet = fc.constantFrom(",", ";", "\t", "\r", "\n", '"', "'", " ", "\u00A0", "=", "+", "-", "@", "a", "1", "\u202E");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }).map((chars) => chars.join("")), (text) => {
        expectInertEverywhere(exportCsv([hostileRow(text, 0)]).slice(1));
      }),
      { numRuns: 500 },
    );
  });

  it("is inert for hostile cells read from a sheet, through validation", () => {
    const header = COLUMNS.map((c) => c.header);
    const rows: CellValue[][] = [header, ...HOSTILE.map((text) => COLUMNS.map((c) => (c.key === "trustCode" ? "RYJ" : text)))];
    const sheet: SheetData = { name: "Trusts", rows, firstRow: 1, firstCol: 1 };
    const { trusts } = validateSheet(sheet, { submitted: "2023-11-15" });
    expect(trusts.length).toBe(HOSTILE.length);
    expectInertEverywhere(exportCsv(trusts).slice(1));
  });

  it("gives the same text a line at a time as whole", () => {
    const trusts = [hostileRow("x;=1", 1), hostileRow("plain", 2)];
    expect([...exportCsvPieces(trusts, ICS)]).toHaveLength(3);
    expect([...exportCsvPieces(trusts, ICS)].join("")).toBe(exportCsv(trusts, ICS));
  });
});

describe("JSON export", () => {
  it("escapes bidirectional controls and line separators, and parses back to the exact text", () => {
    const hostile = "a\u202Eb\u2066c\u2028d\u2029e\u200Ff\u061Cg";
    const json = exportJson([hostileRow(hostile, 1)], { ...ICS, icsName: hostile });
    expect(json).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u2028\u2029]/);
    expect(json).toContain("a\\u202eb\\u2066c\\u2028d\\u2029e\\u200ff\\u061cg");
    const doc = JSON.parse(json) as { ics: IcsDetails; trusts: { trustName: string }[] };
    expect(doc.ics.icsName).toBe(hostile);
    expect(doc.trusts[0]?.trustName).toBe(hostile);
  });

  it.each([
    ["no trusts, no ICS", [], undefined],
    ["one trust with ICS", [hostileRow("=1", 3)], ICS],
    ["several trusts", [hostileRow("a", 1), hostileRow('q"\\\n', 2), hostileRow("c", 3)], ICS],
  ] as const)("a trust at a time gives exactly JSON.stringify's document (%s)", (_name, trusts, ics) => {
    const pieces = [...exportJsonPieces(trusts, ics)];
    expect(pieces.join("")).toBe(JSON.stringify(exportDocument(trusts, ics), null, 2) + "\n");
    expect(exportJson(trusts, ics)).toBe(pieces.join(""));
  });
});
