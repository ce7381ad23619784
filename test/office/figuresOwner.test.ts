/**
 * writeFigures over the fake Excel: the add-in finds its own figures sheet by the marker it carries (the sheet-scoped
 * name `_epr_owner`, app/settings/ownedSheets.ts), never by worksheet id, which changes when the workbook is reopened
 * and repeats between workbooks (OfficeDev/office-js-docs#297, OfficeDev/office-js#1390, #552). Each case here failed
 * on the id-based figuresOps.ts (issue "Right in real Excel", item 2).
 */
import { FIGURES_SETTING, OWNER_NAME } from "../../src/app/settings/ownedSheets";
import { SETTINGS_SHEET } from "../../src/core/returnSheets";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { fakeHost, FakeWorkbook, SHARED_FIRST_SHEET_ID, type FakeHost } from "./fakeExcel";

const figures = { name: "EPR Scores", rows: [["Trusts", 12]] };
const again = { name: "EPR Scores", rows: [["Trusts", 13]] };

const userSheets = (book: FakeWorkbook): string[] => book.sheets.map((s) => s.name).filter((n) => n !== SETTINGS_SHEET);

function setup(options?: ConstructorParameters<typeof FakeWorkbook>[0]): { book: FakeWorkbook; host: FakeHost } {
  const book = new FakeWorkbook(options);
  return { book, host: fakeHost(book) };
}

describe("writeFigures finds the add-in's sheet by its marker", () => {
  it("replaces its own sheet after the workbook is reopened (every sheet has a new id)", async () => {
    for (const ids of ["positional", "new"] as const) {
      const { book, host } = setup();
      book.addSheet("Trusts");
      await expect(createOfficeGateway(host).writeFigures(figures)).resolves.toBe("EPR Scores");
      const idBefore = book.sheet("EPR Scores").id;
      book.reopen({ ids });
      expect(book.sheet("EPR Scores").id).not.toBe(idBefore);
      const gateway = createOfficeGateway(host);
      await expect(gateway.writeFigures(again)).resolves.toBe("EPR Scores");
      expect(userSheets(book)).toEqual(["Trusts", "EPR Scores"]);
      expect(book.sheet("EPR Scores").at("B1")?.value).toBe(13);
      await expect(gateway.loadSetting(FIGURES_SETTING)).resolves.toEqual({ "EPR Scores": { name: "EPR Scores" } });
    }
  });

  it("in a new Excel on the web workbook, whose first sheet has the id every such workbook's has, reopened", async () => {
    const { book, host } = setup({ firstSheetSharesId: true });
    const first = book.addSheet("Sheet1");
    first.seed([["the user's own"]]);
    expect(first.id).toBe(SHARED_FIRST_SHEET_ID);
    await createOfficeGateway(host).writeFigures(figures);
    book.reopen();
    await expect(createOfficeGateway(host).writeFigures(again)).resolves.toBe("EPR Scores");
    expect(userSheets(book)).toEqual(["Sheet1", "EPR Scores"]);
    expect(first.at("A1")?.value).toBe("the user's own");
  });

  it("never clears a user's sheet that has the id an earlier version recorded (the shared first-sheet id)", async () => {
    const { book, host } = setup({ firstSheetSharesId: true });
    const users = book.addSheet("Sheet1");
    users.seed([["the user's own", 1]]);
    const gateway = createOfficeGateway(host);
    // What the id-based version stored: figures name → worksheet id, here the id the user's sheet now has.
    await gateway.saveSetting(FIGURES_SETTING, { "EPR Scores": SHARED_FIRST_SHEET_ID });
    await expect(gateway.writeFigures(figures)).resolves.toBe("EPR Scores");
    expect(users.at("A1")?.value).toBe("the user's own");
    expect(users.at("B1")?.value).toBe(1);
    expect(userSheets(book)).toEqual(["Sheet1", "EPR Scores"]);
  });

  it("never clears a user's sheet of the recorded name that has no marker, whatever the record says", async () => {
    const { book, host } = setup();
    const users = book.addSheet("EPR Scores");
    users.seed([["mine"]]);
    const gateway = createOfficeGateway(host);
    await gateway.saveSetting(FIGURES_SETTING, { "EPR Scores": users.id });
    await expect(gateway.writeFigures(figures)).resolves.toBe("EPR Scores (2)");
    await gateway.saveSetting(FIGURES_SETTING, { "EPR Scores": { name: "EPR Scores" } });
    await expect(gateway.writeFigures(again)).resolves.toBe("EPR Scores (2)");
    expect(users.at("A1")?.value).toBe("mine");
    expect(book.sheet("EPR Scores (2)").at("B1")?.value).toBe(13);
  });

  it("follows its sheet through a rename, and records the new name", async () => {
    const { book, host } = setup();
    book.addSheet("Trusts");
    await createOfficeGateway(host).writeFigures(figures);
    book.sheet("EPR Scores").name = "Scores 2024";
    book.reopen();
    const gateway = createOfficeGateway(host);
    await expect(gateway.writeFigures(again)).resolves.toBe("Scores 2024");
    expect(userSheets(book)).toEqual(["Trusts", "Scores 2024"]);
    await expect(gateway.loadSetting(FIGURES_SETTING)).resolves.toEqual({ "EPR Scores": { name: "Scores 2024" } });
  });

  it("a copy the user made keeps its cells: only the sheet the record names is the add-in's", async () => {
    const { book, host } = setup();
    book.addSheet("Trusts");
    const gateway = createOfficeGateway(host);
    await gateway.writeFigures(figures);
    // Excel copies the sheet-scoped marker with the sheet.
    const copy = book.userCopySheet("EPR Scores");
    copy.setCell(3, 1, { value: "my note" });
    expect(copy.names.map((n) => n.name)).toEqual([OWNER_NAME]);
    await expect(gateway.writeFigures(again)).resolves.toBe("EPR Scores");
    expect(copy.at("A3")?.value).toBe("my note");
    expect(copy.at("B1")?.value).toBe(12);
    expect(book.sheet("EPR Scores").at("B1")?.value).toBe(13);
  });

  it("two marked sheets, neither of the recorded name: neither is cleared, a new sheet is made and then kept", async () => {
    const { book, host } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.writeFigures(figures);
    book.userCopySheet("EPR Scores", "Copy");
    book.sheet("EPR Scores").name = "Renamed";
    await expect(gateway.writeFigures(again)).resolves.toBe("EPR Scores");
    expect(book.sheet("Renamed").at("B1")?.value).toBe(12);
    expect(book.sheet("Copy").at("B1")?.value).toBe(12);
    await expect(gateway.loadSetting(FIGURES_SETTING)).resolves.toEqual({ "EPR Scores": { name: "EPR Scores" } });
    // Now the record names the new sheet: it is the one replaced from here on.
    await expect(gateway.writeFigures(figures)).resolves.toBe("EPR Scores");
    expect(userSheets(book)).toEqual(["Renamed", "Copy", "EPR Scores"]);
    expect(book.sheet("EPR Scores").at("B1")?.value).toBe(12);
  });

  it("a sheet marked for other figures is not taken for these", async () => {
    const { book, host } = setup();
    const gateway = createOfficeGateway(host);
    await gateway.writeFigures({ name: "EPR Export", rows: [["csv"]] });
    await expect(gateway.writeFigures(figures)).resolves.toBe("EPR Scores");
    expect(book.sheet("EPR Export").at("A1")?.value).toBe("csv");
    await expect(gateway.loadSetting(FIGURES_SETTING)).resolves.toEqual({ "EPR Export": { name: "EPR Export" }, "EPR Scores": { name: "EPR Scores" } });
  });
});
