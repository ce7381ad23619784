/**
 * The fake Excel itself (fakeExcel.ts): each behaviour it models of Excel, with the source in README.md and at the
 * code. These run the fake's proxies directly (a FakeContext), not through the gateway.
 */
import { FakeContext, FakeOfficeError, FakeWorkbook, SHARED_FIRST_SHEET_ID, TEXT_FORMAT, dateSerial, fakeHost, relativeFormula, typedInput, type FakeCell } from "./fakeExcel";

function bookWith(...names: string[]): FakeWorkbook {
  const book = new FakeWorkbook();
  for (const name of names) book.addSheet(name);
  return book;
}

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FakeOfficeError) return error;
    throw error;
  }
  throw new Error("expected the promise to reject");
}

describe("commands queue and run at sync()", () => {
  it("applies nothing until sync(), then everything in order", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    sheet.getRange("A1").values = [["first"]];
    ctx.workbook.worksheets.add("Added").getRange("B2").values = [[2]];
    sheet.getRange("A1").values = [["second"]];
    expect(book.sheet("Data").at("A1")).toBeUndefined();
    expect(book.findSheet("Added")).toBeUndefined();
    await ctx.sync();
    expect(book.sheet("Data").at("A1")?.value).toBe("second");
    expect(book.sheet("Added").at("B2")?.value).toBe(2);
  });

  it("fails a bad command at sync(), not where it was called", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    const missing = ctx.workbook.worksheets.getItem("Missing");
    missing.getRange("A1").values = [[1]];
    const error = await failure(ctx.sync());
    expect(error).toMatchObject({ name: "RichApi.Error", code: "ItemNotFound" });
    expect(error.debugInfo).toMatchObject({ code: "ItemNotFound", errorLocation: "WorksheetCollection.getItem" });
  });

  it("hands out loaded properties only after the sync that loads them (PropertyNotLoaded before)", async () => {
    const book = bookWith("Data");
    book.sheet("Data").seed([["a", 1]]);
    const ctx = new FakeContext(book);
    const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").load("values");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(range.values).toEqual([["a", 1]]);
    // Not loaded, so still not there.
    expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  it("loads what the sheet holds at that point of the batch, as a snapshot", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    sheet.getRange("A1").values = [["before"]];
    const range = sheet.getRange("A1").load("values");
    sheet.getRange("A1").values = [["after"]];
    await ctx.sync();
    expect(range.values).toEqual([["before"]]);
    expect(book.sheet("Data").at("A1")?.value).toBe("after");
  });

  it("knows isNullObject only after the sync, for *OrNullObject results", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Missing");
    const there = ctx.workbook.worksheets.getItemOrNullObject("data");
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(there.isNullObject).toBe(false);
  });

  it("syncs once more at the end of Excel.run for commands left queued, and not when nothing is", async () => {
    const book = bookWith("Data");
    const host = fakeHost(book);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
    });
    expect(host.lastSyncs()).toBe(1);
    expect(book.sheet("Data").at("A1")?.value).toBe(1);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A2").values = [[2]];
      await context.sync();
    });
    expect(host.lastSyncs()).toBe(1);
  });
});

describe("a batch that fails partway", () => {
  it("keeps the commands before the failing one, runs none after it, and rejects with code, message and debugInfo", async () => {
    const book = bookWith("Data", "Lists");
    book.sheet("Lists").visibility = "Hidden";
    const ctx = new FakeContext(book);
    const data = ctx.workbook.worksheets.getItem("Data");
    data.getRange("A1").values = [["applied"]];
    const before = data.getRange("A1").load("values");
    ctx.workbook.worksheets.getItem("Lists").activate();
    data.getRange("A2").values = [["never"]];
    const error = await failure(ctx.sync());
    expect(error.code).toBe("InvalidOperation");
    expect(error.message).toMatch(/hidden sheet Lists cannot be activated/);
    expect(error.debugInfo).toMatchObject({ code: "InvalidOperation", errorLocation: "Worksheet.activate" });
    expect(book.sheet("Data").at("A1")?.value).toBe("applied");
    expect(book.sheet("Data").at("A2")).toBeUndefined();
    // A failed sync delivers no loads.
    expect(() => before.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    // The context goes on: the next batch runs.
    data.getRange("A3").values = [["next"]];
    await ctx.sync();
    expect(book.sheet("Data").at("A3")?.value).toBe("next");
  });

  it("fails a write whose array does not fit the range with InvalidArgument", async () => {
    const ctx = new FakeContext(bookWith("Data"));
    ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [[1]];
    expect((await failure(ctx.sync())).code).toBe("InvalidArgument");
  });
});

describe("typed input (Range.values strings, as Excel en-US takes them)", () => {
  const serial = (y: number, m: number, d: number): number => dateSerial(y, m, d) ?? Number.NaN;
  it.each<[string, Partial<FakeCell>]>([
    ["1E5", { value: 100_000, numberFormat: "0.00E+00" }],
    ["1e-2", { value: 0.01, numberFormat: "0.00E+00" }],
    ["1,000", { value: 1000, numberFormat: "#,##0" }],
    ["1,234,567.5", { value: 1_234_567.5, numberFormat: "#,##0.00" }],
    ["1,00", { value: "1,00" }],
    ["007", { value: 7 }],
    ["3.50", { value: 3.5 }],
    ["-12", { value: -12 }],
    ["+5", { value: 5 }],
    ["50%", { value: 0.5, numberFormat: "0%" }],
    ["$1,200", { value: 1200, numberFormat: "$#,##0" }],
    ["(5)", { value: -5 }],
    [" 42 ", { value: 42 }],
    ["TRUE", { value: true }],
    ["false", { value: false }],
    ["tRuE", { value: true }],
    ["#N/A", { value: null, error: "#N/A" }],
    ["#div/0!", { value: null, error: "#DIV/0!" }],
    ["2024-03-31", { value: serial(2024, 3, 31), numberFormat: "m/d/yyyy" }],
    ["3/31/2024", { value: serial(2024, 3, 31), numberFormat: "m/d/yyyy" }],
    ["3/31/24", { value: serial(2024, 3, 31), numberFormat: "m/d/yyyy" }],
    ["1 Jan 2024", { value: serial(2024, 1, 1), numberFormat: "d-mmm-yy" }],
    ["Jan 1, 2024", { value: serial(2024, 1, 1), numberFormat: "d-mmm-yy" }],
    ["dec-2023", { value: serial(2023, 12, 1), numberFormat: "mmm-yy" }],
    ["Dec 2023", { value: serial(2023, 12, 1), numberFormat: "mmm-yy" }],
    ["Mar-26", { value: serial(2026, 3, 1), numberFormat: "mmm-yy" }],
    ["1-2", { value: serial(new Date().getUTCFullYear(), 1, 2), numberFormat: "d-mmm" }],
    ["1/6", { value: serial(new Date().getUTCFullYear(), 1, 6), numberFormat: "d-mmm" }],
    ["6-Jan", { value: serial(new Date().getUTCFullYear(), 1, 6), numberFormat: "d-mmm" }],
    ["13-2", { value: "13-2" }],
    ["Epic 2023", { value: "Epic 2023" }],
    ["31/03/2024", { value: "31/03/2024" }],
    ["2023-02-29", { value: "2023-02-29" }],
    ["=SUM(A1)", { value: null, formula: "=SUM(A1)" }],
    ["-5 beds", { value: null, formula: "-5 beds" }],
    ["+44 20 7946 0000", { value: null, formula: "+44 20 7946 0000" }],
    ["'=SUM(A1)", { value: "=SUM(A1)", quotePrefix: true }],
    ["'007", { value: "007", quotePrefix: true }],
    ["@home", { value: "@home" }],
    ["2024-01-01.xlsx", { value: "2024-01-01.xlsx" }],
    ["", { value: null }],
  ])("%j → %j", (text, expected) => {
    expect(typedInput(text)).toEqual(expected);
  });

  it("counts dates from 1899-12-30 as Excel does, 1900's leap-year quirk included", () => {
    expect(dateSerial(1900, 1, 1)).toBe(1);
    expect(dateSerial(1900, 2, 28)).toBe(59);
    expect(dateSerial(1900, 3, 1)).toBe(61);
    expect(dateSerial(2023, 12, 31)).toBe(45291);
    expect(dateSerial(1899, 12, 31)).toBeNull();
  });

  it("applies through Range.values, keeping a cell's own number format, and leaves a cell alone for null", async () => {
    const book = bookWith("Data");
    const sheet = book.sheet("Data");
    sheet.setCell(1, 2, { numberFormat: "dd/mm/yyyy" });
    sheet.setCell(1, 3, { value: "kept" });
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").getRange("A1:D1").values = [["2024-03-31", "2024-03-31", null, ""]];
    await ctx.sync();
    expect(sheet.at("A1")).toMatchObject({ value: 45382, numberFormat: "m/d/yyyy" });
    expect(sheet.at("B1")).toMatchObject({ value: 45382, numberFormat: "dd/mm/yyyy" });
    expect(sheet.at("C1")?.value).toBe("kept");
    expect(sheet.at("D1")).toBeUndefined();
  });

  it("types table rows added through rows.add too", async () => {
    const book = bookWith("Data");
    book.sheet("Data").seed([["Code", "When"]]);
    book.addTable("Data", "A1:B1", "Codes");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").tables.getItem("Codes").rows.add(undefined, [["'007", "2024-03-31"]]);
    await ctx.sync();
    expect(book.sheet("Data").at("A2")).toMatchObject({ value: "007", quotePrefix: true });
    expect(book.sheet("Data").at("B2")?.value).toBe(45382);
  });
});

describe("the text prefix and text-formatted cells", () => {
  it("keeps the apostrophe out of the value: values and formulas read the text without it", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
    range.values = [["'007", "'=x"]];
    await ctx.sync();
    range.load(["values", "formulas", "valueTypes"]);
    await ctx.sync();
    expect(range.values).toEqual([["007", "=x"]]);
    expect(range.formulas).toEqual([["007", "=x"]]);
    expect(range.valueTypes).toEqual([["String", "String"]]);
    expect(book.sheet("Data").at("A1")).toMatchObject({ value: "007", quotePrefix: true });
  });

  it("keeps strings as they are in a cell formatted as text, the apostrophe too unless told to strip it", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:D1");
    range.numberFormat = [[TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT]];
    range.values = [["1E5", "TRUE", "=x", "'q"]];
    await ctx.sync();
    expect(book.sheet("Data").textRows()).toEqual([["1E5", "TRUE", "=x", "'q"]]);
    book.textCellApostrophe = "strip";
    ctx.workbook.worksheets.getItem("Data").getRange("D1").values = [["'q"]];
    await ctx.sync();
    expect(book.sheet("Data").at("D1")).toMatchObject({ value: "q", quotePrefix: true, numberFormat: TEXT_FORMAT });
  });
});

describe("sheet names", () => {
  it.each([
    ["", "blank"],
    ["x".repeat(32), "32 characters"],
    ["a[b", "["],
    ["a]b", "]"],
    ["a:b", ":"],
    ["a*b", "*"],
    ["a?b", "?"],
    ["a/b", "/"],
    ["a\\b", "\\"],
    ["'quoted", "a leading apostrophe"],
    ["quoted'", "a trailing apostrophe"],
  ])("refuses %j (%s) with InvalidArgument, at sync", async (name) => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.add(name);
    expect((await failure(ctx.sync())).code).toBe("InvalidArgument");
    expect(book.sheets).toHaveLength(1);
    expect(() => book.addSheet(name)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
  });

  it("takes 31 characters, and apostrophes inside", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.add("x".repeat(31));
    ctx.workbook.worksheets.add("Sam's sheet");
    await ctx.sync();
    expect(book.sheets.map((s) => s.name)).toEqual(["Data", "x".repeat(31), "Sam's sheet"]);
  });

  it("refuses a name another sheet has, in any case, with ItemAlreadyExists; renaming too", async () => {
    const book = bookWith("Data", "Other");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.add("DATA");
    expect((await failure(ctx.sync())).code).toBe("ItemAlreadyExists");
    ctx.workbook.worksheets.getItem("Other").name = "data";
    expect((await failure(ctx.sync())).code).toBe("ItemAlreadyExists");
    ctx.workbook.worksheets.getItem("Other").name = "Renamed";
    await ctx.sync();
    expect(book.sheets.map((s) => s.name)).toEqual(["Data", "Renamed"]);
  });
});

describe("table names and defined names share one name space", () => {
  it.each(["A1", "xfd1048576", "R1C1", "r2c3", "R", "c", "C5", "has space", "1st", "a-b", ".x"])("refuses the table name %j with InvalidArgument", async (name) => {
    const book = bookWith("Data");
    book.addTable("Data", "A1:B2", "Table1");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").tables.getItem("Table1").name = name;
    expect((await failure(ctx.sync())).code).toBe("InvalidArgument");
    expect(book.tableNames).toEqual(["Table1"]);
  });

  it.each(["_x", "\\x", "Tbl.1", "Trusts_2", "XFD1048577", "Zoë"])("takes the table name %j", async (name) => {
    const book = bookWith("Data");
    book.addTable("Data", "A1:B2", "Table1");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").tables.getItem("Table1").name = name;
    await ctx.sync();
    expect(book.tableNames).toEqual([name]);
  });

  it("refuses a table name a defined name has (ignoring case), and a defined name a table has", async () => {
    const book = bookWith("Data");
    book.addName("Sales", "=Data!$A$1");
    const ctx = new FakeContext(book);
    const table = ctx.workbook.worksheets.getItem("Data").tables.add("A1:B2", true);
    table.name = "SALES";
    const error = await failure(ctx.sync());
    expect(error.code).toBe("ItemAlreadyExists");
    // The add before it stayed: a table with its default name.
    expect(book.tableNames).toEqual(["Table1"]);
    ctx.workbook.names.add("table1", "=Data!$B$2");
    expect((await failure(ctx.sync())).code).toBe("ItemAlreadyExists");
    ctx.workbook.names.add("Other", "=Data!$B$2");
    await ctx.sync();
    expect(book.names.map((n) => n.name)).toEqual(["Sales", "Other"]);
  });

  it("refuses a second table with the name of a table on another sheet", async () => {
    const book = bookWith("One", "Two");
    book.addTable("One", "A1:B2", "Trusts");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Two").tables.add("A1:B2", true).name = "trusts";
    expect((await failure(ctx.sync())).code).toBe("ItemAlreadyExists");
  });

  it("lists, finds and misses defined names through workbook.names", async () => {
    const book = bookWith("Data");
    book.addName("Codes", "=Data!$A$2:$A$9");
    const ctx = new FakeContext(book);
    const names = ctx.workbook.names.load("items/name,items/formula");
    const codes = ctx.workbook.names.getItemOrNullObject("CODES");
    const none = ctx.workbook.names.getItemOrNullObject("None");
    await ctx.sync();
    expect(names.items.map((n) => [n.name, n.formula])).toEqual([["Codes", "=Data!$A$2:$A$9"]]);
    expect(codes.isNullObject).toBe(false);
    expect(none.isNullObject).toBe(true);
  });

  it("refuses a table over another table (MergedRangeConflict)", async () => {
    const book = bookWith("Data");
    book.addTable("Data", "A1:B3", "First");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").tables.add("B2:C4", true);
    expect((await failure(ctx.sync())).code).toBe("MergedRangeConflict");
  });
});

describe("sheet-scoped names (worksheet.names) and copying a sheet", () => {
  it("adds, finds and reads a sheet's own names: a text constant's value is its text", async () => {
    const book = bookWith("Data", "Other");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").names.add("_owner", '="made by ""us"""', "why");
    await ctx.sync();
    expect(book.sheet("Data").names).toEqual([{ name: "_owner", formula: '="made by ""us"""', comment: "why" }]);
    expect(book.names).toEqual([]);
    const here = ctx.workbook.worksheets.getItem("Data").names.getItemOrNullObject("_OWNER").load("value,formula,scope");
    const there = ctx.workbook.worksheets.getItem("Other").names.getItemOrNullObject("_owner").load("value");
    const workbookWide = ctx.workbook.names.getItemOrNullObject("_owner");
    await ctx.sync();
    expect([here.value, here.formula, here.scope]).toEqual(['made by "us"', '="made by ""us"""', "Worksheet"]);
    expect(there.isNullObject).toBe(true);
    expect(workbookWide.isNullObject).toBe(true);
  });

  it("a name unique in the sheet's scope only: the same name on another sheet or the workbook is fine, twice on one sheet is not", async () => {
    const book = bookWith("Data", "Other");
    book.addName("Tag", "=1");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").names.add("Tag", "=2");
    ctx.workbook.worksheets.getItem("Other").names.add("Tag", "=3");
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Data").names.add("TAG", "=4");
    expect((await failure(ctx.sync())).code).toBe("ItemAlreadyExists");
    ctx.workbook.worksheets.getItem("Data").names.add("A1", "=4");
    expect((await failure(ctx.sync())).code).toBe("InvalidArgument");
  });

  it("the names stay with the sheet through a rename and a reopen", async () => {
    const book = bookWith("Data");
    book.sheet("Data").names.push({ name: "_owner", formula: '="x"' });
    book.sheet("Data").name = "Renamed";
    book.reopen();
    const ctx = new FakeContext(book);
    const item = ctx.workbook.worksheets.getItem("Renamed").names.getItemOrNullObject("_owner").load("value");
    await ctx.sync();
    expect(item.value).toBe("x");
  });

  it("a user's copy of a sheet comes after it with a new id, its cells and copies of its sheet-scoped names", () => {
    const book = bookWith("Data", "Last");
    const data = book.sheet("Data");
    data.seed([["v"]]);
    data.names.push({ name: "_owner", formula: '="x"' });
    const copy = book.userCopySheet("Data");
    expect(book.sheets.map((s) => s.name)).toEqual(["Data", "Data (2)", "Last"]);
    expect(copy.id).not.toBe(data.id);
    expect(copy.at("A1")?.value).toBe("v");
    expect(copy.names).toEqual(data.names);
    copy.names[0]!.formula = '="y"';
    expect(data.names[0]?.formula).toBe('="x"');
    expect(book.userCopySheet("Data").name).toBe("Data (3)");
  });
});

describe("activating hidden sheets", () => {
  it.each(["Hidden", "VeryHidden"] as const)("fails for a %s sheet with InvalidOperation", async (visibility) => {
    const book = bookWith("Data", "Secret");
    book.sheet("Secret").visibility = visibility;
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Secret").activate();
    expect((await failure(ctx.sync())).code).toBe("InvalidOperation");
    expect(book.sheet("Secret").activated).toBe(false);
  });

  it("works for a visible sheet, and for one made visible earlier in the batch", async () => {
    const book = bookWith("Data", "Secret");
    book.sheet("Secret").visibility = "Hidden";
    const ctx = new FakeContext(book);
    const secret = ctx.workbook.worksheets.getItem("Secret");
    secret.visibility = "Visible";
    secret.activate();
    await ctx.sync();
    expect(book.activeSheet?.name).toBe("Secret");
  });
});

describe("Excel on the web's 5 MB limits", () => {
  const big = (bytes: number): string[][] => [["x".repeat(bytes)]];

  it("refuses a request whose JSON is over the limit whole: nothing in it runs", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    sheet.getRange("A1").values = [["small"]];
    sheet.getRange("A2").values = big(5_000_000);
    const error = await failure(ctx.sync());
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(book.sheet("Data").cells.size).toBe(0);
    expect(ctx.requestBytes[0]).toBeGreaterThan(5_000_000);
  });

  it("measures bytes, not characters: 2.6 million 'é' are over 5 MB", async () => {
    const ctx = new FakeContext(bookWith("Data"));
    ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["é".repeat(2_600_000)]];
    expect((await failure(ctx.sync())).code).toBe("RequestPayloadSizeLimitExceeded");
    expect(ctx.payloads[0]).toBeGreaterThan(5_200_000);
  });

  it("takes a request just under the limit, and anything on the desktop", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").getRange("A1").values = big(4_999_000);
    await ctx.sync();
    expect(ctx.requestBytes[0]).toBeLessThan(5_000_000);
    book.platform = "desktop";
    ctx.workbook.worksheets.getItem("Data").getRange("A2").values = big(6_000_000);
    await ctx.sync();
    expect(book.sheet("Data").at("A2")?.value).toHaveLength(6_000_000);
  });

  it("refuses a response over the limit (ResponsePayloadSizeLimitExceeded)", async () => {
    const book = bookWith("Data");
    book.sheet("Data").seed(Array.from({ length: 300 }, () => ["y".repeat(20_000)]));
    const ctx = new FakeContext(book);
    const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:A300").load("values");
    expect((await failure(ctx.sync())).code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
});

describe("worksheet ids", () => {
  it("stay the same within a session and change when the workbook is reopened; the content stays", async () => {
    const book = bookWith("Data", "Notes");
    book.sheet("Data").seed([["kept"]]);
    book.addName("Codes", "=Data!$A$1");
    const before = book.sheets.map((s) => s.id);
    expect(new Set(before).size).toBe(2);
    book.reopen();
    const after = book.sheets.map((s) => s.id);
    expect(after).toEqual(["{00000000-0001-0000-0000-000000000000}", "{00000000-0001-0000-0001-000000000000}"]);
    expect(after.some((id) => before.includes(id))).toBe(false);
    expect(book.sheet("Data").at("A1")?.value).toBe("kept");
    expect(book.names).toHaveLength(1);
    book.reopen({ ids: "new" });
    expect(book.sheets.map((s) => s.id).some((id) => after.includes(id))).toBe(false);
  });

  it("reads back through the API as loaded ids", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    const sheet = ctx.workbook.worksheets.getItem("Data").load("id");
    await ctx.sync();
    expect(sheet.id).toBe(book.sheet("Data").id);
  });

  it("gives the first sheet of every new workbook the same id when asked to (Excel on the web)", () => {
    const one = new FakeWorkbook({ firstSheetSharesId: true });
    const two = new FakeWorkbook({ firstSheetSharesId: true });
    one.addSheet("Sheet1");
    two.addSheet("Sheet1");
    one.addSheet("Sheet2");
    expect(one.sheets[0]?.id).toBe(SHARED_FIRST_SHEET_ID);
    expect(two.sheets[0]?.id).toBe(SHARED_FIRST_SHEET_ID);
    expect(one.sheets[1]?.id).not.toBe(SHARED_FIRST_SHEET_ID);
  });

  it("drops event handlers and turns events back on at reopen", () => {
    const book = bookWith("Data");
    book.sheet("Data").handlers.push(() => undefined);
    book.eventsEnabled = false;
    book.reopen();
    expect(book.sheet("Data").handlers).toHaveLength(0);
    expect(book.eventsEnabled).toBe(true);
  });
});

describe("getUsedRange(valuesOnly)", () => {
  async function usedAddress(book: FakeWorkbook, valuesOnly?: boolean, orNull = true): Promise<string | null> {
    const ctx = new FakeContext(book);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    const used = (orNull ? sheet.getUsedRangeOrNullObject(valuesOnly) : sheet.getUsedRange(valuesOnly)).load("address");
    await ctx.sync();
    return used.isNullObject ? null : used.address;
  }

  it("counts formatted cells without valuesOnly and only cells with values with it", async () => {
    const book = bookWith("Data");
    const sheet = book.sheet("Data");
    sheet.setCell(2, 2, { value: "v" });
    sheet.setCell(5, 4, { numberFormat: TEXT_FORMAT });
    sheet.setCell(1, 6, { bold: true });
    expect(await usedAddress(book)).toBe("Data!B1:F5");
    expect(await usedAddress(book, false)).toBe("Data!B1:F5");
    expect(await usedAddress(book, true)).toBe("Data!B2");
  });

  it("gives a null object for a sheet with only formatting when valuesOnly, and A1 from getUsedRange on a blank sheet", async () => {
    const book = bookWith("Data");
    book.sheet("Data").setCell(3, 3, { numberFormat: "0.00" });
    expect(await usedAddress(book, true)).toBeNull();
    expect(await usedAddress(book, false)).toBe("Data!C3");
    book.sheet("Data").cells.clear();
    expect(await usedAddress(book, false, false)).toBe("Data!A1");
  });

  it("quotes sheet names in addresses as Excel does", async () => {
    const book = bookWith("EPR Scores");
    book.sheet("EPR Scores").seed([["x"]]);
    const ctx = new FakeContext(book);
    const used = ctx.workbook.worksheets.getItem("EPR Scores").getUsedRange(true).load("address");
    await ctx.sync();
    expect(used.address).toBe("'EPR Scores'!A1");
  });
});

describe("table.columns.add", () => {
  it("inserts the column: cells at and right of it in the table's rows move right, nothing is overwritten", async () => {
    const book = bookWith("Data");
    const sheet = book.sheet("Data");
    sheet.seed([["Code", "Name", "note right"], ["R1", "North", "keep me"], ["R2", "South"]]);
    sheet.setCell(5, 3, { value: "below, outside the rows" });
    book.addTable("Data", "A1:B3", "Trusts");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").tables.getItem("Trusts").columns.add(undefined, undefined, "Source");
    await ctx.sync();
    expect(sheet.textRows().slice(0, 3)).toEqual([["Code", "Name", "Source", "note right"], ["R1", "North", "", "keep me"], ["R2", "South"]]);
    expect(sheet.at("C5")?.value).toBe("below, outside the rows");
    expect(sheet.tables[0]?.range).toBe("A1:C3");
  });

  it("inserts at an index, with values (header first) and a default header", async () => {
    const book = bookWith("Data");
    const sheet = book.sheet("Data");
    sheet.seed([["A", "B"], [1, 2]]);
    book.addTable("Data", "A1:B2", "T");
    const ctx = new FakeContext(book);
    const table = ctx.workbook.worksheets.getItem("Data").tables.getItem("T");
    table.columns.add(0, [["First"], ["1E5"]]);
    table.columns.add(-1);
    await ctx.sync();
    expect(sheet.textRows()[0]).toEqual(["First", "A", "B", "Column4"]);
    expect(sheet.at("A2")?.value).toBe(100_000);
    expect(sheet.at("B2")?.value).toBe(1);
  });

  it("fails on the web for a table whose rows times the columns to its right pass 33,554,000 cells", async () => {
    const book = bookWith("Data");
    book.addTable("Data", "A1:C2500", "Big");
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").tables.getItem("Big").columns.add(undefined, undefined, "Source");
    expect((await failure(ctx.sync())).code).toBe("OperationCellsExceedLimit");
    book.platform = "desktop";
    ctx.workbook.worksheets.getItem("Data").tables.getItem("Big").columns.add(undefined, undefined, "Source");
    await ctx.sync();
    expect(book.sheet("Data").tables[0]?.range).toBe("A1:D2500");
  });
});

describe("Range.clear(applyTo)", () => {
  function arranged(): FakeWorkbook {
    const book = bookWith("Data");
    const sheet = book.sheet("Data");
    for (const address of ["A1", "B1", "C1"]) {
      const b = { A1: [1, 1], B1: [1, 2], C1: [1, 3] }[address] as [number, number];
      sheet.setCell(b[0], b[1], { value: address, numberFormat: TEXT_FORMAT, bold: true });
    }
    return book;
  }
  const clearB1 = async (book: FakeWorkbook, applyTo?: string): Promise<void> => {
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").getRange("B1").clear(applyTo);
    await ctx.sync();
  };

  it("Contents clears values and keeps formats, in the range only", async () => {
    const book = arranged();
    await clearB1(book, "Contents");
    const sheet = book.sheet("Data");
    expect(sheet.at("B1")).toEqual({ value: null, numberFormat: TEXT_FORMAT, bold: true });
    expect(sheet.at("A1")?.value).toBe("A1");
    expect(sheet.at("C1")?.value).toBe("C1");
  });

  it("Formats clears formats and keeps values", async () => {
    const book = arranged();
    await clearB1(book, "Formats");
    expect(book.sheet("Data").at("B1")).toEqual({ value: "B1" });
    expect(book.sheet("Data").at("A1")?.bold).toBe(true);
  });

  it("All (the default) clears both", async () => {
    const book = arranged();
    await clearB1(book);
    expect(book.sheet("Data").at("B1")).toBeUndefined();
    expect(book.sheet("Data").cells.size).toBe(2);
  });
});

describe("Worksheet.onChanged", () => {
  async function watched(book: FakeWorkbook): Promise<{ ctx: FakeContext; calls: { address: string | undefined }[] }> {
    const calls: { address: string | undefined }[] = [];
    const ctx = new FakeContext(book);
    ctx.workbook.worksheets.getItem("Data").onChanged.add((event) => void calls.push({ address: event?.address }));
    await ctx.sync();
    return { ctx, calls };
  }

  it("is delivered after the batch's sync has resolved, with the changed address", async () => {
    const book = bookWith("Data");
    const { ctx, calls } = await watched(book);
    ctx.workbook.worksheets.getItem("Data").getRange("B2:C3").values = [[1, 2], [3, 4]];
    await ctx.sync();
    // The sync has resolved; the event comes later, from the host.
    expect(calls).toEqual([]);
    await book.settleEvents();
    expect(calls).toEqual([{ address: "B2:C3" }]);
  });

  it("is not raised while events are off, and is again once they are back on", async () => {
    const book = bookWith("Data");
    const { ctx, calls } = await watched(book);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    ctx.runtime.enableEvents = false;
    sheet.getRange("A1").values = [["quiet"]];
    ctx.runtime.enableEvents = true;
    sheet.getRange("A2").values = [["heard"]];
    await ctx.sync();
    await book.settleEvents();
    expect(calls).toEqual([{ address: "A2" }]);
    expect(book.raisedChanges).toEqual([{ sheet: "Data", address: "A2" }]);
  });

  it("takes effect for a handler only once a sync has added it, and stops once one has removed it", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    const calls: string[] = [];
    const handler = ctx.workbook.worksheets.getItem("Data").onChanged.add(() => void calls.push("called"));
    expect(book.sheet("Data").handlers).toHaveLength(0);
    await ctx.sync();
    await book.userEdit("Data", "A1", "typed");
    handler.remove();
    await ctx.sync();
    await book.userEdit("Data", "A2", "typed");
    expect(calls).toEqual(["called"]);
  });

  it("is raised for a user's edit, which goes in as typed input", async () => {
    const book = bookWith("Data");
    const { calls } = await watched(book);
    await book.userEdit("Data", "C4", "2024-03-31");
    expect(calls).toEqual([{ address: "C4" }]);
    expect(book.sheet("Data").at("C4")?.value).toBe(45382);
  });

  it("is raised for changes a failing batch made before it failed, not for formats", async () => {
    const book = bookWith("Data", "Secret");
    book.sheet("Secret").visibility = "Hidden";
    const { ctx, calls } = await watched(book);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    sheet.getRange("A1").numberFormat = [["0.00"]];
    sheet.getRange("A1").values = [[1]];
    ctx.workbook.worksheets.getItem("Secret").activate();
    sheet.getRange("A2").values = [[2]];
    await failure(ctx.sync());
    await book.settleEvents();
    expect(calls).toEqual([{ address: "A1" }]);
  });
});

describe("one value for a multi-cell range (a fill)", () => {
  it("fills values and number formats into every cell, and a formula relatively, as if filled from the top-left cell", async () => {
    const book = bookWith("Data");
    const ctx = new FakeContext(book);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    (sheet.getRange("A1:A3") as unknown as { numberFormat: unknown }).numberFormat = "0.0";
    (sheet.getRange("B1:C2") as unknown as { formulas: unknown }).formulas = '=A1*2+$A$1+Other!$B1+"A1"+SUM(A$1:A1)';
    (sheet.getRange("D1:D2") as unknown as { values: unknown }).values = "x";
    await ctx.sync();
    const data = book.sheet("Data");
    expect(data.at("A3")?.numberFormat).toBe("0.0");
    expect(data.at("B1")?.formula).toBe('=A1*2+$A$1+Other!$B1+"A1"+SUM(A$1:A1)');
    expect(data.at("C2")?.formula).toBe('=B2*2+$A$1+Other!$B2+"A1"+SUM(B$1:B2)');
    expect(data.at("D2")?.value).toBe("x");
  });

  it("leaves function names, quoted sheet names and structured references alone, and gives #REF! off the sheet", () => {
    expect(relativeFormula("=LOG10(A1)+'Q1 2024'!A1+T[[#Headers],[A1]]", 1, 0)).toBe("=LOG10(A2)+'Q1 2024'!A2+T[[#Headers],[A1]]");
    expect(relativeFormula("=A1", -1, 0)).toBe("=#REF!");
  });
});

describe("failSync (a test knob)", () => {
  it("fails the chosen sync of the workbook after its first `after` commands, once", async () => {
    const book = bookWith("Data");
    book.failSync = { sync: 2, after: 1 };
    const ctx = new FakeContext(book);
    await ctx.sync();
    const range = ctx.workbook.worksheets.getItem("Data").getRange("A1");
    range.values = [["x"]];
    const error = await failure(ctx.sync());
    expect(error.code).toBe("GeneralException");
    // The first command (the sheet's instantiation) ran, the write did not.
    expect(book.sheet("Data").at("A1")).toBeUndefined();
    range.values = [["y"]];
    await ctx.sync();
    expect(book.failSync).toBeNull();
  });
});

describe("undo groups (Excel.run's mergeUndoGroup)", () => {
  it("fails a merged batch with UndoNotSupported where an API in it cannot be undone: visibility off the web, delete anywhere", async () => {
    const desktop = bookWith("Data", "Other");
    desktop.platform = "desktop";
    const ctx = new FakeContext(desktop);
    ctx.mergeUndoGroup = true;
    ctx.workbook.worksheets.getItem("Other").visibility = "Hidden";
    expect((await failure(ctx.sync())).code).toBe("UndoNotSupported");
    const web = bookWith("Data", "Other");
    const webCtx = new FakeContext(web);
    webCtx.mergeUndoGroup = true;
    webCtx.workbook.worksheets.getItem("Other").visibility = "Hidden";
    await webCtx.sync();
    expect(web.sheet("Other").visibility).toBe("Hidden");
    webCtx.workbook.worksheets.getItem("Other").delete();
    expect((await failure(webCtx.sync())).code).toBe("UndoNotSupported");
  });

  it("fakeHost merges as the Office host decides, comparing requirement-set versions part by part", async () => {
    const book = bookWith("Data");
    expect(fakeHost(book, "1.20").isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(fakeHost(book, 1.9).isSetSupported("ExcelApi", "1.20")).toBe(false);
    const host = fakeHost(book, "1.20");
    await host.run(async () => undefined, { oneUndoStep: true });
    expect(host.lastContext().mergeUndoGroup).toBe(true);
    await host.run(async () => undefined);
    expect(host.lastContext().mergeUndoGroup).toBe(false);
  });
});
