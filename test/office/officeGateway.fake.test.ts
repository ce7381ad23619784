/**
 * The gateway against fakeExcel.ts, for what office-addin-mock cannot express:
 * collections' add(), conditional formats, tables, validations, payload sizes.
 */
import type { CellMark } from "../../src/app/gateway";
import { FIGURES_SETTING } from "../../src/office/figuresOps";
import { OWNER_COMMENT, OWNER_NAME } from "../../src/app/settings/ownedSheets";
import { MARK_STYLES, MARKS_SETTING } from "../../src/app/marks";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { READ_BLOCK_CELLS } from "../../src/office/readSheet";
import { SETTINGS_SHEET } from "../../src/core/returnSheets";
import { fakeHost, FakeWorkbook, TEXT_FORMAT, type FakeHost } from "./fakeExcel";
import { smallTemplate } from "./templateFixture";

const FIVE_MB = 5_000_000;

function setup(maxApi = 1.9): { host: FakeHost; book: FakeWorkbook } {
  const book = new FakeWorkbook();
  const host = fakeHost(book, maxApi);
  return { host, book };
}

/** The settings sheet's cells as text rows from A1 (what the codec reads). */
function settingsSheetRows(book: FakeWorkbook): string[][] {
  return book.sheet(SETTINGS_SHEET).textRows();
}

function errorMarks(count: number): CellMark[] {
  // Two columns of errors plus a scattered warning every 10th row.
  const marks: CellMark[] = [];
  for (let i = 0; marks.length < count; i++) {
    marks.push({ address: `G${i + 2}`, severity: "error" });
    if (marks.length < count) marks.push({ address: `K${i + 2}`, severity: i % 10 === 0 ? "warning" : "error" });
  }
  return marks;
}

describe("listSheets", () => {
  it("lists names and visibility in one sync", async () => {
    const { host, book } = setup();
    book.addSheet("Trusts");
    book.addSheet("Lists").visibility = "Hidden";
    await expect(createOfficeGateway(host).listSheets()).resolves.toEqual([
      { name: "Trusts", visible: true },
      { name: "Lists", visible: false },
    ]);
    expect(host.lastSyncs()).toBe(1);
  });
});

describe("readSheet fallback", () => {
  it("reads in row blocks when Excel refuses the response for its size, and gets the same grid", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet("Trusts");
    const rows = Array.from({ length: 30_000 }, (_, i) => [`R${i}`, i, i % 2 === 0]);
    sheet.seed(rows, 3, 2);
    book.maxResponseCells = READ_BLOCK_CELLS; // the whole 90,000-cell range is "over 5 MB"
    const data = await createOfficeGateway(host).readSheet("Trusts");
    expect(data.firstRow).toBe(3);
    expect(data.firstCol).toBe(2);
    expect(data.rows).toHaveLength(30_000);
    expect(data.rows[29_999]).toEqual(["R29999", 29_999, false]);
    // 1 failed run, then 1 sync for the address and 1 per block of 8,333 rows.
    expect(host.contexts).toHaveLength(2);
    expect(host.lastSyncs()).toBe(1 + Math.ceil(30_000 / Math.floor(READ_BLOCK_CELLS / 3)));
  });

  it("reads an empty sheet as an empty grid", async () => {
    const { host, book } = setup();
    book.addSheet("Empty");
    await expect(createOfficeGateway(host).readSheet("Empty")).resolves.toEqual({ name: "Empty", rows: [], firstRow: 1, firstCol: 1 });
  });
});

describe("markCells / clearMarks", () => {
  it("marks 10 and 10,000 cells with the same number of syncs, in compact ranges", async () => {
    const small = setup();
    small.book.addSheet("Trusts");
    await createOfficeGateway(small.host).markCells("Trusts", errorMarks(10));
    const smallSyncs = small.host.runSyncs();

    const large = setup();
    const sheet = large.book.addSheet("Trusts");
    await createOfficeGateway(large.host).markCells("Trusts", errorMarks(10_000));

    // The conditional formats in 3 syncs, then the marks record on the settings sheet in 2 (read, write).
    expect(smallSyncs).toEqual([3, 2]);
    expect(large.host.runSyncs()).toEqual(smallSyncs);
    const errors = sheet.conditionalFormats.filter((cf) => cf.formula === MARK_STYLES.error.formula);
    const warnings = sheet.conditionalFormats.filter((cf) => cf.formula === MARK_STYLES.warning.formula);
    // 10,000 marks become a few conditional formats, not thousands.
    expect(sheet.conditionalFormats.length).toBeLessThan(20);
    expect(errors[0]?.appliesTo.startsWith("G2:G5001,")).toBe(true);
    expect(errors.every((cf) => cf.fill === MARK_STYLES.error.fill && cf.type === "Custom")).toBe(true);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((cf) => cf.fill === MARK_STYLES.warning.fill)).toBe(true);
  });

  it("remembers the marked ranges on the settings sheet, not in the document settings", async () => {
    const { host, book } = setup();
    book.addSheet("Trusts");
    const gateway = createOfficeGateway(host);
    await gateway.markCells("Trusts", [{ address: "E2", severity: "error" }, { address: "E3", severity: "error" }]);
    expect(settingsSheetRows(book)).toEqual([[MARKS_SETTING, JSON.stringify({ Trusts: { error: ["E2:E3"], warning: [] } })]]);
    await expect(gateway.loadSetting(MARKS_SETTING)).resolves.toEqual({ Trusts: { error: ["E2:E3"], warning: [] } });
    expect(host.fakeSettings.store.size).toBe(0);
    expect(host.fakeSettings.saves).toBe(0);
  });

  it("moves a marks record an earlier version kept in the document settings to the sheet", async () => {
    const { host, book } = setup();
    book.addSheet("Trusts");
    book.addSheet("ICS");
    host.fakeSettings.store.set(MARKS_SETTING, { ICS: { error: ["B2"], warning: [] } });
    await createOfficeGateway(host).markCells("Trusts", [{ address: "A2", severity: "warning" }]);
    const record = { ICS: { error: ["B2"], warning: [] }, Trusts: { error: [], warning: ["A2"] } };
    expect(settingsSheetRows(book)).toEqual([[MARKS_SETTING, JSON.stringify(record)]]);
    expect(host.fakeSettings.store.has(MARKS_SETTING)).toBe(false);
    expect(host.fakeSettings.saves).toBe(1);
  });

  it("writes no record when clearing a sheet that was never marked", async () => {
    const { host, book } = setup();
    book.addSheet("Trusts");
    await createOfficeGateway(host).clearMarks("Trusts");
    expect(host.runSyncs()).toEqual([3, 1]);
    expect(book.findSheet(SETTINGS_SHEET)).toBeUndefined();
  });

  it("replaces earlier marks instead of piling them up", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet("Trusts");
    const gateway = createOfficeGateway(host);
    await gateway.markCells("Trusts", [{ address: "A2", severity: "error" }]);
    await gateway.markCells("Trusts", [{ address: "B2", severity: "warning" }]);
    expect(sheet.conditionalFormats.map((cf) => [cf.appliesTo, cf.formula])).toEqual([["B2", MARK_STYLES.warning.formula]]);
  });

  it("clears only the add-in's conditional formats; the user's own stay", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet("Trusts");
    sheet.addConditionalFormat("Custom", "A2:A50", "=A2>100", "#00FF00");
    sheet.addConditionalFormat("CellValue", "B2:B50");
    const gateway = createOfficeGateway(host);
    await gateway.markCells("Trusts", errorMarks(50));
    expect(sheet.conditionalFormats.length).toBeGreaterThan(2);
    const runs = host.contexts.length;
    await gateway.clearMarks("Trusts");
    expect(sheet.conditionalFormats.map((cf) => [cf.type, cf.appliesTo, cf.formula])).toEqual([
      ["Custom", "A2:A50", "=A2>100"],
      ["CellValue", "B2:B50", ""],
    ]);
    expect(host.runSyncs(runs)).toEqual([3, 2]);
    await expect(gateway.loadSetting(MARKS_SETTING)).resolves.toEqual({});
  });

  it("falls back to one conditional format per range without RangeAreas (ExcelApi 1.9)", async () => {
    const { host, book } = setup(1.8);
    const sheet = book.addSheet("Trusts");
    await createOfficeGateway(host).markCells("Trusts", [
      { address: "A1", severity: "error" }, { address: "C1", severity: "error" }, { address: "A2", severity: "error" },
    ]);
    expect(sheet.conditionalFormats.map((cf) => cf.appliesTo)).toEqual(["A1:A2", "C1"]);
    expect(host.lastContext().log.some((entry) => entry.endsWith("getRanges"))).toBe(false);
  });
});

describe("insertTemplate", () => {
  it("writes the template's cells, formats, table, validations, freeze panes and visibility", async () => {
    const { host, book } = setup();
    book.addSheet("Sheet1");
    const gateway = createOfficeGateway(host);
    const plan = await gateway.planTemplate(smallTemplate);
    expect(plan.sheets.every((s) => !s.renamed)).toBe(true);
    await gateway.insertTemplate(smallTemplate, plan);

    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", "Trusts", "Lists", "Summary"]);
    const trusts = book.sheet("Trusts");
    expect(trusts.at("A1")).toMatchObject({ value: "Trust ODS code", bold: true });
    expect(trusts.at("C1")).toMatchObject({ value: "Beds", bold: true, wrap: true });
    expect(trusts.at("B3")?.numberFormat).toBe("dd/mm/yyyy");
    expect(trusts.tables).toEqual([{ name: "TrustsTable", range: "A1:C3", hasHeaders: true }]);
    expect(trusts.validations).toEqual([
      { range: "A2:A3", rule: { list: { inCellDropDown: true, source: "=Lists!$A$2:$A$4" } }, prompt: { showPrompt: true, title: "", message: "Pick a code" } },
      { range: "B2:B3", rule: { date: { operator: "Between", formula1: "1990-01-01", formula2: "2040-12-31" } } },
      { range: "C2:C3", rule: { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } } },
    ]);
    expect(trusts.freeze).toEqual({ kind: "rows", value: 1 });
    expect(trusts.columnWidths.get("A:A")).toBeCloseTo((16 * 7 + 5) * 0.75);
    expect(trusts.activated).toBe(true);
    expect(book.sheet("Lists").visibility).toBe("Hidden");
    // Sent as "'-": Excel keeps the text prefix out of the value, and without it "-" would be taken for a formula.
    expect(book.sheet("Lists").at("A4")).toMatchObject({ value: "-", formula: undefined });
    const summary = book.sheet("Summary");
    expect(summary.at("B1")?.formula).toBe('=COUNTA(Trusts!A2:A3)&" of "&COUNTA(TrustsTable[Trust ODS code])');
    expect(summary.at("B2")).toMatchObject({ value: 45291, numberFormat: "dd/mm/yyyy" });
    expect(summary.freeze).toEqual({ kind: "at", value: "A1" });
    // Sheet list, one chunk of writes, the restore.
    expect(host.lastSyncs()).toBe(3);
  });

  it("never replaces a sheet: picks new names and points formulas and dropdowns at them", async () => {
    const { host, book } = setup();
    const userTrusts = book.addSheet("Trusts");
    userTrusts.seed([["the user's own data"]]);
    book.addSheet("lists");
    book.tableNames.push("TrustsTable");
    const gateway = createOfficeGateway(host);
    const plan = await gateway.planTemplate(smallTemplate);
    expect(plan.sheets).toEqual([
      { templateName: "Trusts", name: "Trusts (2)", renamed: true },
      { templateName: "Lists", name: "Lists (2)", renamed: true },
      { templateName: "Summary", name: "Summary", renamed: false },
    ]);
    await gateway.insertTemplate(smallTemplate, plan);
    expect(userTrusts.at("A1")?.value).toBe("the user's own data");
    expect(userTrusts.cells.size).toBe(1);
    const trusts2 = book.sheet("Trusts (2)");
    expect(trusts2.tables[0]?.name).toBe("TrustsTable_2");
    expect(trusts2.validations[0]?.rule).toEqual({ list: { inCellDropDown: true, source: "='Lists (2)'!$A$2:$A$4" } });
    expect(book.sheet("Summary").at("B1")?.formula).toBe(`=COUNTA('Trusts (2)'!A2:A3)&" of "&COUNTA(TrustsTable_2[Trust ODS code])`);
  });

  it("refuses a plan that would now replace a sheet", async () => {
    const { host, book } = setup();
    const gateway = createOfficeGateway(host);
    const plan = await gateway.planTemplate(smallTemplate);
    book.addSheet("Summary").seed([["added meanwhile"]]);
    await expect(gateway.insertTemplate(smallTemplate, plan)).rejects.toThrow(/"Summary" is already in the workbook/);
    expect(book.sheets.map((s) => s.name)).toEqual(["Summary"]);
  });
});

describe("writeCells", () => {
  it("writes fixes, pausing calculation and events and restoring them after", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet("Trusts");
    sheet.seed([["Cerner"], ["epic"]], 2, 5);
    await createOfficeGateway(host).writeCells("Trusts", [
      { address: "E2", value: "Oracle Health" },
      { address: "E3", value: "Epic" },
      { address: "F9", value: null },
    ]);
    expect(sheet.at("E2")?.value).toBe("Oracle Health");
    expect(sheet.at("E3")?.value).toBe("Epic");
    // The cells' number formats, the writes, the restore.
    expect(host.lastSyncs()).toBe(3);
    expect(host.lastContext().log).toEqual([
      "sync2:enableEvents=false",
      "sync2:suspendCalculation",
      "sync3:enableEvents=true",
      "sync3:calculate:Recalculate",
    ]);
    expect(book.eventsEnabled).toBe(true);
  });

  it("writes text with the text prefix, and into a cell formatted as Text as it is, changing no format", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet("Trusts");
    sheet.setCell(2, 1, { value: "rx1", numberFormat: TEXT_FORMAT });
    sheet.setCell(3, 1, { value: "x", numberFormat: "dd/mm/yyyy" });
    const texts = ["Dec 2023", "2024-03-31", "1-2", "TRUE", "#N/A", "1E5", "=x", "+44 20 7946 0000", "007"];
    await createOfficeGateway(host).writeCells("Trusts", [
      { address: "A2", value: "007" },
      { address: "A3", value: "1-2" },
      ...texts.map((value, i) => ({ address: `B${i + 2}`, value })),
    ]);
    expect(sheet.at("A2")).toEqual({ value: "007", formula: undefined, error: undefined, numberFormat: TEXT_FORMAT });
    expect(sheet.at("A3")).toMatchObject({ value: "1-2", quotePrefix: true, numberFormat: "dd/mm/yyyy" });
    texts.forEach((text, i) => expect(sheet.at(`B${i + 2}`)).toEqual({ value: text, formula: undefined, error: undefined, quotePrefix: true }));
  });

  it("splits a payload over 5 MB into several requests, each under 5 MB", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet("Trusts");
    const notes = "n".repeat(2_000);
    const writes = Array.from({ length: 4_000 }, (_, i) => ({ address: `T${i + 2}`, value: `${i}:${notes}` }));
    await createOfficeGateway(host).writeCells("Trusts", writes);
    const payloads = host.lastContext().payloads;
    const total = payloads.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(FIVE_MB);
    const writing = payloads.filter((p) => p > 0);
    expect(writing.length).toBeGreaterThan(1);
    for (const p of payloads) expect(p).toBeLessThan(FIVE_MB);
    expect(sheet.at("T4001")?.value).toBe(`3999:${notes}`);
    expect(sheet.at("T2")?.value).toBe(`0:${notes}`);
    // The formats, one sync per chunk, the restore: it follows the bytes, not the rows.
    expect(host.lastSyncs()).toBe(1 + writing.length + 1);
  });

  it("restores events even when a write fails, and reports the failure", async () => {
    const { host, book } = setup();
    book.addSheet("Trusts");
    await expect(createOfficeGateway(host).writeCells("Trusts", [{ address: "A1:B2", value: 1 }])).rejects.toThrow(/single-cell/);
    const { host: host2, book: book2 } = setup();
    book2.addSheet("Trusts");
    await expect(createOfficeGateway(host2).writeCells("Gone", [{ address: "A1", value: 1 }])).rejects.toThrow(/Could not write to "Gone"/);
    // A missing sheet fails the first sync, before events were touched.
    expect(host2.lastContext().log).toEqual([]);
    expect(book2.eventsEnabled).toBe(true);
    // A write failing halfway through its sync (after events went off): events come back on in the next one.
    book2.failSync = { sync: book2.bookSyncs + 2, after: 3, code: "GeneralException" };
    await expect(createOfficeGateway(host2).writeCells("Trusts", [{ address: "A1", value: 1 }])).rejects.toThrow(/Could not write to "Trusts"/);
    expect(book2.eventsEnabled).toBe(true);
    const log = host2.lastContext().log;
    expect(log[0]).toBe("sync2:enableEvents=false");
    expect(log.slice(-2)).toEqual(["sync3:enableEvents=true", "sync3:calculate:Recalculate"]);
  });

  it("leaves events alone where runtime.enableEvents is missing (before ExcelApi 1.8)", async () => {
    const { host, book } = setup(1.7);
    book.addSheet("Trusts");
    await createOfficeGateway(host).writeCells("Trusts", [{ address: "A1", value: 1 }]);
    expect(host.lastContext().log.some((e) => e.includes("enableEvents"))).toBe(false);
  });
});

describe("writeFigures", () => {
  const figures = { name: "EPR Scores", rows: [["Trusts", 12], ["HHI (now)", 0.25]] };

  it("creates the sheet, remembers it, and replaces only that sheet next time", async () => {
    const { host, book } = setup();
    const gateway = createOfficeGateway(host);
    await expect(gateway.writeFigures(figures)).resolves.toBe("EPR Scores");
    // Read the record, write the sheet (sheet list, markers, one chunk, restore), save the record (read, write).
    expect(host.runSyncs()).toEqual([1, 4, 2]);
    const sheet = book.sheet("EPR Scores");
    expect(sheet.at("B2")?.value).toBe(0.25);
    // The add-in's marker: a sheet-scoped name (app/settings/ownedSheets.ts); the record holds the sheet's name.
    expect(sheet.names).toEqual([{ name: OWNER_NAME, formula: '="EPR Return figures: EPR Scores"', comment: OWNER_COMMENT }]);
    await expect(gateway.loadSetting(FIGURES_SETTING)).resolves.toEqual({ "EPR Scores": { name: "EPR Scores" } });
    expect(host.fakeSettings.store.size).toBe(0);

    const runs = host.contexts.length;
    await expect(gateway.writeFigures({ ...figures, rows: [["Trusts", 13]] })).resolves.toBe("EPR Scores");
    expect(book.sheets.filter((s) => s.name !== SETTINGS_SHEET)).toHaveLength(1);
    expect(sheet.at("B1")?.value).toBe(13);
    expect(sheet.at("B2")).toBeUndefined();
    // The record already names the sheet: nothing to save.
    expect(host.runSyncs(runs)).toEqual([1, 4]);
    expect(sheet.names).toHaveLength(1);
  });

  it("treats the settings sheet as a taken name", async () => {
    const { host, book } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting("k", 1);
    await expect(gateway.writeFigures({ name: SETTINGS_SHEET.toUpperCase(), rows: [["x", 1]] })).resolves.toBe(`${SETTINGS_SHEET.toUpperCase()} (2)`);
    expect(book.sheet(SETTINGS_SHEET).visibility).toBe("VeryHidden");
  });

  it("never overwrites a user's sheet of that name", async () => {
    const { host, book } = setup();
    const users = book.addSheet("EPR Scores");
    users.seed([["mine"]]);
    await expect(createOfficeGateway(host).writeFigures(figures)).resolves.toBe("EPR Scores (2)");
    expect(users.at("A1")?.value).toBe("mine");
    expect(book.sheet("EPR Scores (2)").at("A1")?.value).toBe("Trusts");
  });
});

describe("onSheetChanged", () => {
  it("calls the listener on change and stops after unsubscribe", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet("Trusts");
    const listener = jest.fn();
    const unsubscribe = await createOfficeGateway(host).onSheetChanged("Trusts", listener);
    expect(sheet.handlers).toHaveLength(1);
    await sheet.handlers[0]?.();
    expect(listener).toHaveBeenCalledTimes(1);
    await unsubscribe();
    expect(sheet.handlers).toHaveLength(0);
  });
});

describe("settings", () => {
  it("surfaces a failed save of the document settings (removing an earlier version's copy) instead of swallowing it", async () => {
    const { host } = setup();
    host.fakeSettings.store.set("k", 0);
    host.fakeSettings.failSave = "the document is read-only";
    await expect(createOfficeGateway(host).saveSetting("k", 1)).rejects.toThrow(/Could not save the add-in's settings in the workbook: the document is read-only/);
  });
});
