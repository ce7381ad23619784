/**
 * Choosing the trust sheet (spec section 6): `Trusts`, else the first visible worksheet with a header row; hidden
 * sheets, chart sheets, macro and dialog sheets are never chosen, nor read to look for a header row.
 */
import type { Row, SheetData } from "../../src/core/cells";
import type { SheetInfo } from "../../src/app/gateway";
import { guessTrustSheet, pickReturnSheet, readTrustSheet, ReturnReadError, sheetsNeeded, userSheets } from "../../src/app/sheetChoice";
import { ICS_SHEET, SETTINGS_SHEET, STAMP_SHEET } from "../../src/core/returnSheets";
import { HEADERS, cleanReturn } from "../ui/fixtures";

/** A workbook of named grids; it records which sheets were read, and refuses to read anything but a worksheet. */
class Workbook {
  readonly reads: string[] = [];
  private readonly grids = new Map<string, readonly Row[]>();
  readonly sheets: SheetInfo[] = [];

  add(info: SheetInfo, rows: readonly Row[] = []): this {
    this.sheets.push(info);
    this.grids.set(info.name, rows);
    return this;
  }

  async readSheet(name: string): Promise<SheetData> {
    const info = this.sheets.find((s) => s.name === name);
    if (info === undefined || (info.kind ?? "worksheet") !== "worksheet") throw new Error(`cannot read "${name}" as cells`);
    this.reads.push(name);
    return { name, rows: this.grids.get(name) ?? [], firstRow: 1, firstCol: 1 };
  }
}

const withHeaders = (): Row[] => cleanReturn();
const sheet = (name: string, more: Partial<SheetInfo> = {}): SheetInfo => ({ name, visible: true, ...more });

describe("choosing the trust sheet when none is named", () => {
  it.each(["chart", "macro", "dialog"] as const)("never chooses nor reads a %s sheet, even first and visible", async (kind) => {
    const book = new Workbook().add(sheet("Sheet1", { kind }), [HEADERS]).add(sheet("Data"), withHeaders());
    expect(await guessTrustSheet(book, book.sheets)).toBe("Data");
    expect(book.reads).toEqual(["Data"]);
  });

  it("never chooses a hidden Trusts sheet: the first visible worksheet with headers is taken", async () => {
    const book = new Workbook().add(sheet("Trusts", { visible: false }), withHeaders()).add(sheet("Notes"), [["x"]]).add(sheet("Return"), withHeaders());
    const read = await readTrustSheet(book, book.sheets);
    expect(read.name).toBe("Return");
    expect(book.reads).toEqual(["Notes", "Return"]);
  });

  it("never chooses a chart sheet named Trusts", () => {
    expect(pickReturnSheet([sheet("Trusts", { kind: "chart" }), sheet("Data")], () => null)).toBe("Data");
  });

  it("takes the first visible worksheet when none has headers, never a hidden one", () => {
    expect(pickReturnSheet([sheet("Hidden", { visible: false }), sheet("Chart", { kind: "chart" }), sheet("Data")], () => null)).toBe("Data");
    expect(pickReturnSheet([sheet("Hidden", { visible: false }), sheet("Chart", { kind: "chart" })], () => 1)).toBeNull();
  });

  it("says why when no sheet may be chosen, and the pane is offered none", async () => {
    const book = new Workbook().add(sheet("Hidden", { visible: false }), withHeaders()).add(sheet("Chart1", { kind: "chart" }));
    await expect(readTrustSheet(book, book.sheets)).rejects.toThrow(
      new ReturnReadError("the workbook has no visible worksheet to take the trusts from (hidden, chart, macro and dialog sheets are never chosen); name the sheet to read"),
    );
    expect(await guessTrustSheet(book, book.sheets)).toBeNull();
    expect(book.reads).toEqual([]);
  });
});

describe("a sheet named by the user or --sheet", () => {
  it("may be a hidden worksheet", async () => {
    const book = new Workbook().add(sheet("Data"), [["x"]]).add(sheet("Old", { visible: false }), withHeaders());
    expect((await readTrustSheet(book, book.sheets, "Old")).name).toBe("Old");
  });

  it("may not be a chart sheet: the message names what it is and the sheets there are", async () => {
    const book = new Workbook().add(sheet("Data"), [["x"]]).add(sheet("Chart1", { kind: "chart" }));
    await expect(readTrustSheet(book, book.sheets, "Chart1")).rejects.toThrow(new ReturnReadError('"Chart1" is a chart sheet, not a worksheet of trusts (sheets: Data)'));
    expect(book.reads).toEqual([]);
  });
});

describe("userSheets", () => {
  it("offers worksheets only, hidden ones included, and never the add-in's own", () => {
    const listed = [sheet("Data"), sheet("Old", { visible: false }), sheet("Chart1", { kind: "chart" }), sheet("Macro1", { kind: "macro" }), sheet(STAMP_SHEET, { visible: false })];
    expect(userSheets(listed).map((s) => s.name)).toEqual(["Data", "Old"]);
  });
});

describe("sheetsNeeded", () => {
  it("reads only Trusts and the return's other sheets when Trusts is a visible worksheet", () => {
    expect(sheetsNeeded(["Guidance", "Trusts", "Calc"])).toEqual(new Set(["Trusts", ICS_SHEET, SETTINGS_SHEET, STAMP_SHEET]));
    expect(sheetsNeeded([sheet("Guidance"), sheet("Trusts")])).toEqual(new Set(["Trusts", ICS_SHEET, SETTINGS_SHEET, STAMP_SHEET]));
  });

  it("reads every sheet when Trusts is hidden or no worksheet, since another is chosen", () => {
    expect(sheetsNeeded([sheet("Data"), sheet("Trusts", { visible: false })])).toBeNull();
    expect(sheetsNeeded([sheet("Data"), sheet("Trusts", { kind: "chart" })])).toBeNull();
  });

  it("reads the named sheet, hidden or not", () => {
    expect(sheetsNeeded([sheet("Data"), sheet("Old", { visible: false })], "Old")).toEqual(new Set(["Old", ICS_SHEET, SETTINGS_SHEET, STAMP_SHEET]));
    expect(sheetsNeeded(["Data"], "Nope")).toBeNull();
  });
});
