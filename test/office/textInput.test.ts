/**
 * Text the add-in writes arrives as that text, through every writer of the Office gateway: Excel takes strings written
 * to Range.values and table.rows.add as typed input (the fake Excel types them as Excel en-US does: typedInput), so
 * each writer gives every string the text prefix, or writes it into a cell formatted as Text (docs/decisions.md,
 * "Text is written as text").
 */
import { COLUMNS } from "../../src/core/columns";
import { formatSpans } from "../../src/office/cellWriteOps";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { SETTINGS_SHEET } from "../../src/core/returnSheets";
import { STAMP_SHEET } from "../../src/core/stamp";
import { fakeHost, FakeWorkbook, TEXT_FORMAT, type FakeCell, type FakeWorksheet } from "./fakeExcel";

/** Text Excel would otherwise take for a date, a number, a boolean, an error value or a formula. */
const LOOKALIKES = ["Dec 2023", "dec-2023", "2024-03-31", "1-2", "TRUE", "false", "#N/A", "1E5", "=x", "+44 20 7946 0000", "007", "-", "'quoted", "50%", "$1,200", "Oracle Health"];

/** The cell holds exactly the text: no formula, no error, no number format typing would have set. */
function expectText(cell: FakeCell | undefined, text: string, where: string): void {
  expect({ where, value: cell?.value, formula: cell?.formula, error: cell?.error }).toEqual({ where, value: text, formula: undefined, error: undefined });
  if (cell?.numberFormat !== TEXT_FORMAT) expect({ where, quotePrefix: cell?.quotePrefix }).toEqual({ where, quotePrefix: true });
}

function trustsBook(): { book: FakeWorkbook; sheet: FakeWorksheet } {
  const book = new FakeWorkbook();
  const sheet = book.addSheet("Trusts");
  sheet.seed([COLUMNS.map((c) => c.header)]);
  return { book, sheet };
}

describe("text written by the Office gateway stays text", () => {
  it("writeCells, into General cells and into the user's Text-formatted cells (whose formats stay)", async () => {
    const { book, sheet } = trustsBook();
    LOOKALIKES.forEach((_, i) => sheet.setCell(i + 2, 2, { numberFormat: TEXT_FORMAT }));
    await createOfficeGateway(fakeHost(book)).writeCells("Trusts", LOOKALIKES.flatMap((value, i) => [{ address: `A${i + 2}`, value }, { address: `B${i + 2}`, value }]));
    LOOKALIKES.forEach((text, i) => {
      expectText(sheet.at(`A${i + 2}`), text, `A${i + 2}`);
      expect(sheet.at(`A${i + 2}`)?.numberFormat).toBeUndefined();
      expect(sheet.at(`B${i + 2}`)).toMatchObject({ value: text, numberFormat: TEXT_FORMAT });
      expect(sheet.at(`B${i + 2}`)?.quotePrefix).toBeUndefined();
    });
  });

  it("appendTrustRows, filling the table's blank rows and growing it, Source included; a Text-formatted column as it is", async () => {
    const { book, sheet } = trustsBook();
    const blank = 3;
    book.addTable("Trusts", `A1:T${1 + blank}`, "Trusts");
    // Column B (trust name) is formatted as Text in every row of the table.
    for (let row = 2; row <= 1 + blank; row++) sheet.setCell(row, 2, { numberFormat: TEXT_FORMAT });
    const rows = LOOKALIKES.map((text) => COLUMNS.map((c, j) => (j === 0 || j === 1 || c.key === "notes" ? text : null)));
    const notes = COLUMNS.findIndex((c) => c.key === "notes") + 1;
    await createOfficeGateway(fakeHost(book)).appendTrustRows("Trusts", rows, { sources: LOOKALIKES });
    LOOKALIKES.forEach((text, i) => {
      const row = i + 2;
      expectText(sheet.cell(row, 1), text, `A${row}`);
      expectText(sheet.cell(row, notes), text, `notes row ${row}`);
      expectText(sheet.cell(row, COLUMNS.length + 1), text, `Source row ${row}`);
      // The Text-formatted column: filled rows keep "@"; grown rows are sent as for "@" (the table's last row) too.
      expect({ row, value: sheet.cell(row, 2)?.value, formula: sheet.cell(row, 2)?.formula, error: sheet.cell(row, 2)?.error }).toEqual({ row, value: text, formula: undefined, error: undefined });
    });
  });

  it("insertTemplate, ICS B6 and the profile names on Lists", async () => {
    // test/office/insertTemplate.test.ts "insertTemplate: text" (the real template).
    const book = new FakeWorkbook();
    const host = fakeHost(book);
    const gateway = createOfficeGateway(host);
    const { buildTemplate } = await import("../../src/core/template/build");
    const template = buildTemplate();
    await gateway.insertTemplate(template, await gateway.planTemplate(template));
    for (const spec of template.sheets) {
      for (const cell of spec.cells) {
        if (typeof cell.value === "string" && cell.value !== "") expectText(book.sheet(spec.name).at(cell.address), cell.value, `${spec.name}!${cell.address}`);
      }
    }
  });

  it("writeFigures", async () => {
    const book = new FakeWorkbook();
    const rows = LOOKALIKES.map((text) => [text, 1]);
    const name = await createOfficeGateway(fakeHost(book)).writeFigures({ name: "EPR Scores", rows });
    LOOKALIKES.forEach((text, i) => expectText(book.sheet(name).at(`A${i + 1}`), text, `A${i + 1}`));
  });

  it("writeStampSheet", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Trusts");
    await createOfficeGateway(fakeHost(book)).writeStampSheet(LOOKALIKES.map((text) => [text]));
    LOOKALIKES.forEach((text, i) => expectText(book.sheet(STAMP_SHEET).at(`A${i + 1}`), text, `A${i + 1}`));
  });

  it("saveSetting: its own sheet's Text-formatted cells", async () => {
    const book = new FakeWorkbook();
    const gateway = createOfficeGateway(fakeHost(book));
    await gateway.saveSetting("eprReturn.lookalikes", LOOKALIKES);
    await expect(gateway.loadSetting("eprReturn.lookalikes")).resolves.toEqual(LOOKALIKES);
    for (const cell of book.sheet(SETTINGS_SHEET).cells.values()) if (cell.value !== null) expect(cell.numberFormat).toBe(TEXT_FORMAT);
  });
});

describe("formatSpans (which number formats writeCells loads)", () => {
  it("loads a column's written rows as one range, split where they are far apart", () => {
    expect(formatSpans([{ row: 5, col: 2 }, { row: 2, col: 2 }, { row: 900_000, col: 2 }, { row: 3, col: 1 }, { row: 5, col: 2 }])).toEqual([
      { col: 1, first: 3, last: 3 },
      { col: 2, first: 2, last: 5 },
      { col: 2, first: 900_000, last: 900_000 },
    ]);
  });
});
