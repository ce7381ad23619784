/**
 * The Office gateway's settings store against fakeExcel.ts: the very hidden `_epr_settings` sheet in the layout every
 * host shares (src/app/settings/settingsSheet.ts), the fallback to the document settings earlier versions wrote,
 * sync counts, text safety against Excel's typed-input conversion, and that the exceljs gateway reads what Excel wrote.
 */
import ExcelJS from "exceljs";
import { SETTINGS_SHEET } from "../../src/core/returnSheets";
import { SETTING_PIECE_CHARS, settingFromRows, settingsRowsOf } from "../../src/app/settings/settingsSheet";
import { mappingSettingKey } from "../../src/app/settings/mappingSetting";
import { MARKS_SETTING } from "../../src/app/marks";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { fakeHost, FakeWorkbook, type FakeHost } from "./fakeExcel";
import { smallTemplate } from "./templateFixture";

function setup(): { host: FakeHost; book: FakeWorkbook } {
  const book = new FakeWorkbook();
  book.addSheet("Trusts");
  return { host: fakeHost(book), book };
}

const MAPPING = { headerRow: 1, columns: { "Trust ODS code": "A", "Go-live date": "C" }, headers: ["1E5", "TRUE", "=SUM(A1)", "2024-03-31"] };

/** Writes through the fake as Range.values does, into cells of the sheet's current number format. */
async function typeInto(host: FakeHost, sheet: string, address: string, values: string[][]): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = values;
    await context.sync();
  });
}

describe("the fake Excel's typed input (what the settings writer must survive)", () => {
  it("turns strings written to a General cell into numbers, dates, booleans and formulas, as Excel does", async () => {
    const { host, book } = setup();
    await typeInto(host, "Trusts", "A1:F1", [["1E5", "2024-03-31", "TRUE", "=x", "'=x", "-5"]]);
    const row = [1, 2, 3, 4, 5, 6].map((col) => book.sheet("Trusts").cell(1, col));
    expect(row[0]?.value).toBe(100_000);
    expect(row[1]).toMatchObject({ value: 45_382, numberFormat: "m/d/yyyy" });
    expect(row[2]?.value).toBe(true);
    expect(row[3]).toMatchObject({ value: null, formula: "=x" });
    expect(row[4]?.value).toBe("=x");
    expect(row[5]?.value).toBe(-5);
  });

  it("keeps strings as text in cells formatted as text (\"@\")", async () => {
    const { host, book } = setup();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Trusts").getRange("A1:D1");
      range.numberFormat = [["@", "@", "@", "@"]];
      range.values = [["1E5", "2024-03-31", "TRUE", "=x"]];
      await context.sync();
    });
    expect(book.sheet("Trusts").textRows()).toEqual([["1E5", "2024-03-31", "TRUE", "=x"]]);
  });
});

describe("OfficeGateway settings on the `_epr_settings` sheet", () => {
  it("round-trips a mapping: saved in 2 syncs, loaded in 1", async () => {
    const { host } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting(mappingSettingKey("Trusts"), MAPPING);
    expect(host.runSyncs()).toEqual([2]);
    const runs = host.contexts.length;
    await expect(gateway.loadSetting(mappingSettingKey("Trusts"))).resolves.toEqual(MAPPING);
    expect(host.runSyncs(runs)).toEqual([1]);
    expect(host.fakeSettings.store.size).toBe(0);
    expect(host.fakeSettings.saves).toBe(0);
  });

  it("loads nothing, in 1 sync, from a workbook without the sheet, and does not create it", async () => {
    const { host, book } = setup();
    const gateway = createOfficeGateway(host);
    await expect(gateway.loadSetting("missing")).resolves.toBeUndefined();
    expect(host.runSyncs()).toEqual([1]);
    await gateway.saveSetting("missing", undefined);
    expect(book.findSheet(SETTINGS_SHEET)).toBeUndefined();
  });

  it("keeps one row per key: overwriting replaces the row in place, others keep their order", async () => {
    const { host, book } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting("a", 1);
    await gateway.saveSetting("b", { x: [1, 2] });
    await gateway.saveSetting("a", "two");
    expect(book.sheet(SETTINGS_SHEET).textRows()).toEqual([["a", '"two"'], ["b", '{"x":[1,2]}']]);
    await expect(gateway.loadSetting("a")).resolves.toBe("two");
    await expect(gateway.loadSetting("b")).resolves.toEqual({ x: [1, 2] });
  });

  it("saving the value already stored writes nothing (1 sync)", async () => {
    const { host } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting("a", { same: true });
    const runs = host.contexts.length;
    await gateway.saveSetting("a", { same: true });
    expect(host.runSyncs(runs)).toEqual([1]);
  });

  it("removes a key (undefined or null) and clears its cells; the others stay", async () => {
    const { host, book } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting("a", 1);
    await gateway.saveSetting("b", 2);
    await gateway.saveSetting("c", 3);
    await gateway.saveSetting("a", undefined);
    await gateway.saveSetting("c", null);
    expect(book.sheet(SETTINGS_SHEET).textRows()).toEqual([["b", "2"]]);
    await expect(gateway.loadSetting("a")).resolves.toBeUndefined();
    await expect(gateway.loadSetting("c")).resolves.toBeUndefined();
    await expect(gateway.loadSetting("b")).resolves.toBe(2);
    await gateway.saveSetting("b", undefined);
    expect(book.sheet(SETTINGS_SHEET).usedBounds()).toBeNull();
  });

  it("creates the sheet very hidden, keeps it out of listSheets, and it cannot be activated", async () => {
    const { host, book } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting(mappingSettingKey("Trusts"), MAPPING);
    expect(book.sheet(SETTINGS_SHEET).visibility).toBe("VeryHidden");
    expect(book.sheet(SETTINGS_SHEET).activated).toBe(false);
    await expect(gateway.listSheets()).resolves.toEqual([{ name: "Trusts", visible: true }]);
    await expect(gateway.selectCell(SETTINGS_SHEET, "A1")).rejects.toThrow(/Could not go to _epr_settings!A1/);
  });

  it("still counts the settings sheet as a taken name when planning the template", async () => {
    const { host } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting("k", 1);
    const [first, ...rest] = smallTemplate.sheets;
    if (!first) throw new Error("the fixture has no sheets");
    const plan = await gateway.planTemplate({ ...smallTemplate, sheets: [{ ...first, name: SETTINGS_SHEET.toUpperCase() }, ...rest] });
    expect(plan.sheets[0]).toEqual({ templateName: SETTINGS_SHEET.toUpperCase(), name: `${SETTINGS_SHEET.toUpperCase()} (2)`, renamed: true });
  });

  it("leaves the settings sheet out of listSheets whatever the case of its name", async () => {
    const { host, book } = setup();
    book.addSheet("_EPR_Settings").visibility = "VeryHidden";
    await expect(createOfficeGateway(host).listSheets()).resolves.toEqual([{ name: "Trusts", visible: true }]);
  });

  it("reads a sheet whose values start below A1 or carry stray cells (someone edited it)", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet(SETTINGS_SHEET);
    sheet.visibility = "VeryHidden";
    sheet.seed([["k", '{"v":1}'], [42, "ignored: a number in the key column"]], 3, 1);
    const gateway = createOfficeGateway(host);
    await expect(gateway.loadSetting("k")).resolves.toEqual({ v: 1 });
    await gateway.saveSetting("k2", true);
    expect(sheet.textRows()).toEqual([["k", '{"v":1}'], ["k2", "true"]]);
  });

  it("reads a key whose cell holds text that is not JSON as no value, without falling back", async () => {
    const { host, book } = setup();
    book.addSheet(SETTINGS_SHEET).seed([["k", "{not json"]]);
    host.fakeSettings.store.set("k", "older");
    await expect(createOfficeGateway(host).loadSetting("k")).resolves.toBeUndefined();
  });

  it("refuses a value that is not JSON data, writing nothing", async () => {
    const { host, book } = setup();
    await expect(createOfficeGateway(host).saveSetting("k", () => 1)).rejects.toThrow(/not JSON data/);
    expect(book.findSheet(SETTINGS_SHEET)).toBeUndefined();
  });

  it("runs settings operations one after another, so two saves at once both land", async () => {
    const { host } = setup();
    const gateway = createOfficeGateway(host);
    await Promise.all([
      gateway.saveSetting("a", 1),
      gateway.saveSetting("b", 2),
      gateway.markCells("Trusts", [{ address: "A2", severity: "error" }]),
      gateway.saveSetting("c", 3),
    ]);
    await expect(gateway.loadSetting("a")).resolves.toBe(1);
    await expect(gateway.loadSetting("b")).resolves.toBe(2);
    await expect(gateway.loadSetting("c")).resolves.toBe(3);
    await expect(gateway.loadSetting(MARKS_SETTING)).resolves.toEqual({ Trusts: { error: ["A2"], warning: [] } });
  });
});

describe("text safety: Excel never gets to convert a setting", () => {
  it.each([
    ["a boolean", "flag", true],
    ["a number", "count", 100_000],
    ["a negative number", "offset", -5],
    ["a key that reads as a boolean", "TRUE", "x"],
    ["a key that reads as a number", "1E5", 1],
    ["a key that reads as a formula", "=SUM(A1)", 1],
    ["a key that reads as a date", "2024-03-31", "x"],
    ["a key with Excel's text prefix", "'quoted", "x"],
    ["a mapping whose headers read as a number, a boolean, a formula and a date", mappingSettingKey("Trusts"), MAPPING],
  ])("round-trips %s", async (_what, key, value) => {
    const { host, book } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting(key, value);
    await expect(gateway.loadSetting(key)).resolves.toEqual(value);
    const cells = [...book.sheet(SETTINGS_SHEET).cells.values()];
    expect(cells.every((cell) => cell.numberFormat === "@" && cell.formula === undefined && (cell.value === null || typeof cell.value === "string"))).toBe(true);
  });

  it("keeps a piece of a long value that starts with \"=\" as text", async () => {
    const { host, book } = setup();
    const gateway = createOfficeGateway(host);
    // JSON: a quote, then the text; the second piece starts at the text's character SETTING_PIECE_CHARS - 1.
    const value = `${"a".repeat(SETTING_PIECE_CHARS - 1)}=SUM(A1)`;
    await gateway.saveSetting("long", value);
    expect(book.sheet(SETTINGS_SHEET).cell(1, 3)?.value).toBe('=SUM(A1)"');
    await expect(gateway.loadSetting("long")).resolves.toBe(value);
  });

  it("rewrites text cells over a sheet another program saved in General format", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet(SETTINGS_SHEET);
    sheet.visibility = "VeryHidden";
    sheet.seed([["old", "1"]]);
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting("flag", true);
    expect(sheet.textRows()).toEqual([["old", "1"], ["flag", "true"]]);
    await expect(gateway.loadSetting("flag")).resolves.toBe(true);
    await expect(gateway.loadSetting("old")).resolves.toBe(1);
  });
});

describe("long values", () => {
  it("go into pieces of at most SETTING_PIECE_CHARS from column B, and a shorter value clears the old pieces", async () => {
    const { host, book } = setup();
    const gateway = createOfficeGateway(host);
    const long = { text: "x".repeat(2 * SETTING_PIECE_CHARS + 500) };
    await gateway.saveSetting("big", long);
    await gateway.saveSetting("after", 1);
    const sheet = book.sheet(SETTINGS_SHEET);
    const row = sheet.textRows()[0] ?? [];
    expect(row).toHaveLength(4);
    expect(row.slice(1).map((piece) => piece.length)).toEqual([SETTING_PIECE_CHARS, SETTING_PIECE_CHARS, JSON.stringify(long).length - 2 * SETTING_PIECE_CHARS]);
    await expect(gateway.loadSetting("big")).resolves.toEqual(long);

    await gateway.saveSetting("big", { text: "short" });
    expect(sheet.textRows()).toEqual([["big", '{"text":"short"}'], ["after", "1"]]);
    await expect(gateway.loadSetting("big")).resolves.toEqual({ text: "short" });
  });
});

describe("settings an earlier version kept in the document settings", () => {
  it("are read when the sheet has no such key, without saving anything", async () => {
    const { host } = setup();
    host.fakeSettings.store.set(mappingSettingKey("Trusts"), MAPPING);
    const gateway = createOfficeGateway(host);
    await expect(gateway.loadSetting(mappingSettingKey("Trusts"))).resolves.toEqual(MAPPING);
    await gateway.saveSetting("other", 1);
    await expect(gateway.loadSetting(mappingSettingKey("Trusts"))).resolves.toEqual(MAPPING);
    expect(host.fakeSettings.saves).toBe(0);
  });

  it("lose to the sheet when both have the key", async () => {
    const { host, book } = setup();
    book.addSheet(SETTINGS_SHEET).seed([["k", '"sheet"']]);
    host.fakeSettings.store.set("k", "document");
    await expect(createOfficeGateway(host).loadSetting("k")).resolves.toBe("sheet");
  });

  it("are removed when the key is saved (to the sheet only), so the two never disagree", async () => {
    const { host, book } = setup();
    host.fakeSettings.store.set("k", "old");
    host.fakeSettings.store.set("untouched", 7);
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting("k", "new");
    expect(book.sheet(SETTINGS_SHEET).textRows()).toEqual([["k", '"new"']]);
    expect([...host.fakeSettings.store]).toEqual([["untouched", 7]]);
    expect(host.fakeSettings.saves).toBe(1);
    await expect(gateway.loadSetting("k")).resolves.toBe("new");
    await expect(gateway.loadSetting("untouched")).resolves.toBe(7);
  });

  it("are removed by removing the key, even when the sheet never had it", async () => {
    const { host, book } = setup();
    host.fakeSettings.store.set("k", "old");
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting("k", undefined);
    expect(host.fakeSettings.store.has("k")).toBe(false);
    expect(book.findSheet(SETTINGS_SHEET)).toBeUndefined();
    await expect(gateway.loadSetting("k")).resolves.toBeUndefined();
  });
});

describe("should Excel fail a batch that reads through a missing sheet's null object", () => {
  it("loads and saves all the same, with one sync more", async () => {
    const { host, book } = setup();
    book.nullObjectChaining = "fail";
    host.fakeSettings.store.set("k", "old");
    const gateway = createOfficeGateway(host);
    await expect(gateway.loadSetting("k")).resolves.toBe("old");
    expect(host.runSyncs()).toEqual([2]);
    const runs = host.contexts.length;
    await gateway.saveSetting("k", "new");
    expect(host.runSyncs(runs)).toEqual([3]);
    // Once the sheet is there, the chained read is not through a null object: 1 sync again.
    const after = host.contexts.length;
    await expect(gateway.loadSetting("k")).resolves.toBe("new");
    expect(host.runSyncs(after)).toEqual([1]);
  });
});

describe("one store for every host", () => {
  it("the codec and the exceljs gateway read what the Office gateway wrote", async () => {
    const { host, book } = setup();
    const key = mappingSettingKey("Trusts");
    await createOfficeGateway(host).saveSetting(key, MAPPING);
    await createOfficeGateway(host).saveSetting(MARKS_SETTING, { Trusts: { error: ["A2"], warning: [] } });
    const cells = book.sheet(SETTINGS_SHEET).textRows();

    // The shared codec, on the cells as they are.
    const rows = settingsRowsOf({ name: SETTINGS_SHEET, rows: cells, firstRow: 1, firstCol: 1 });
    expect(settingFromRows(rows, key)).toEqual(MAPPING);

    // The command line's gateway, on a saved .xlsx holding those cells on a very hidden sheet.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Trusts").getCell("A1").value = "Trust ODS code";
    const ws = workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    cells.forEach((row, r) => row.forEach((text, c) => (ws.getCell(r + 1, c + 1).value = text)));
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(await workbook.xlsx.writeBuffer());
    const xlsx = new XlsxGateway(saved);
    await expect(xlsx.loadSetting(key)).resolves.toEqual(MAPPING);
    await expect(xlsx.listSheets()).resolves.toEqual([{ name: "Trusts", visible: true }]);
  });

  it("the Office gateway reads what the exceljs gateway wrote", async () => {
    const xlsx = XlsxGateway.blank();
    const key = mappingSettingKey("Trusts");
    await xlsx.saveSetting(key, MAPPING);
    const ws = xlsx.workbook.getWorksheet(SETTINGS_SHEET);
    if (!ws) throw new Error("exceljs wrote no settings sheet");

    const { host, book } = setup();
    const sheet = book.addSheet(SETTINGS_SHEET);
    sheet.visibility = "VeryHidden";
    ws.eachRow((row, r) => row.eachCell((cell, c) => sheet.setCell(r, c, { value: typeof cell.value === "string" ? cell.value : null })));
    await expect(createOfficeGateway(host).loadSetting(key)).resolves.toEqual(MAPPING);
  });
});
