/**
 * The corpus of real-producer workbooks (test/fixtures/corpus, README there): each fixture is read through the
 * one reader every host uses and must give what the program that saved it shows (spec section 5): its sheets
 * and their states, its date system, the listed cells, and the issues checkReturn reports. The expectations
 * are written by hand (expected/*.json); adding a fixture is adding its file and its expectation.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkReturn, type CheckedReturn } from "../../../src/app/checkReturn";
import { ReadOnlyWorkbook, readWorkbookBytes, type WorkbookData } from "../../../src/files/reader";
import { CORPUS_DIR, cellsAt, fixtureFiles, loadExpectations, sortedIssues, type CorpusExpectation } from "./corpusExpected";

const expectations = loadExpectations();

describe("the corpus", () => {
  it("has an expectation for every fixture and a fixture for every expectation", () => {
    expect(expectations.map((e) => e.file).sort()).toEqual(fixtureFiles());
  });
});

describe.each(expectations.map((e) => [e.file, e] as const))("%s", (_file, expected: CorpusExpectation) => {
  let data: WorkbookData;
  let checked: CheckedReturn;

  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, expected.file)));
    data = await readWorkbookBytes(bytes, { fileName: expected.file });
    const options = expected.check.submitted === undefined ? { today: expected.check.today } : { today: expected.check.today, submitted: expected.check.submitted };
    checked = await checkReturn(new ReadOnlyWorkbook(data), options);
  });

  it("lists its sheets with their states, in order, and its date system", () => {
    expect({ format: data.format, date1904: data.date1904, sheets: data.sheets.map((s) => ({ name: s.name, state: s.state })) }).toEqual({
      format: expected.format,
      date1904: expected.date1904,
      sheets: expected.sheets,
    });
  });

  it("reads the listed cells as the producing program shows them", () => {
    for (const [sheetName, cells] of Object.entries(expected.cells)) {
      const sheet = data.sheets.find((s) => s.name === sheetName);
      expect(sheet?.grid).toBeTruthy();
      if (!sheet?.grid) continue;
      expect({ sheet: sheetName, cells: cellsAt(sheet.grid, Object.keys(cells)) }).toEqual({ sheet: sheetName, cells });
    }
  });

  it("keeps what a values-only writer would lose, and the defined names", () => {
    expect(data.beyondValues).toEqual(expect.arrayContaining(expected.beyondValuesInclude ?? []));
    if (expected.definedNames) expect(data.definedNames).toEqual(expected.definedNames);
  });

  it("gives the expected trust sheet, rows and issues", () => {
    const want = expected.check.expect;
    expect({
      sheet: checked.result.sheet,
      headerRow: checked.result.headerRow,
      trustRows: checked.result.rows,
      submitted: checked.submitted,
      issues: sortedIssues(checked.issues),
    }).toEqual({ ...want, issues: sortedIssues(want.issues) });
  });
});
