/**
 * One user action, one undo step: the Office host asks Excel.run for mergeUndoGroup (ExcelApi 1.20) for the batches
 * that are a user's action, except where the batch holds an API Excel cannot undo there (Worksheet.visibility on
 * Windows and Mac: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
 */
import { COLUMNS } from "../../src/core/columns";
import { mergesUndo, officeHost } from "../../src/office/host";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { fakeHost, FakeWorkbook, type FakeHost } from "./fakeExcel";

function workbook(platform: "web" | "desktop", maxApi: number | string = "1.20"): { book: FakeWorkbook; host: FakeHost } {
  const book = new FakeWorkbook();
  book.platform = platform;
  const sheet = book.addSheet("Trusts");
  sheet.seed([COLUMNS.map((c) => c.header)]);
  book.addTable("Trusts", "A1:T2", "Trusts");
  return { book, host: fakeHost(book, maxApi) };
}

/** Runs `work` and gives, for each Excel.run it made, whether it was merged into one undo step. */
async function merged(host: FakeHost, work: () => Promise<unknown>): Promise<boolean[]> {
  const from = host.contexts.length;
  await work();
  return host.contexts.slice(from).map((c) => c.mergeUndoGroup);
}

describe("one undo step per user action", () => {
  it.each(["web", "desktop"] as const)("Fix all, Merge and Mark are one undo step each (%s)", async (platform) => {
    const { host } = workbook(platform);
    const gateway = createOfficeGateway(host);
    expect(await merged(host, () => gateway.writeCells("Trusts", [{ address: "A2", value: "RX1" }, { address: "B2", value: "North" }]))).toEqual([true]);
    expect(await merged(host, () => gateway.appendTrustRows("Trusts", [["RX2"], ["RX3"]], {}))).toEqual([true]);
    // Marking: the conditional formats in one step, then the add-in's record of them (settings, not the user's data).
    expect((await merged(host, () => gateway.markCells("Trusts", [{ address: "A2", severity: "error" }])))[0]).toBe(true);
    expect((await merged(host, () => gateway.clearMarks("Trusts")))[0]).toBe(true);
  });

  it("the validation stamp (which hides its sheet) is one step on the web, and not merged on Windows and Mac", async () => {
    const web = workbook("web");
    expect(await merged(web.host, () => createOfficeGateway(web.host).writeStampSheet([["stamp"]]))).toEqual([true]);
    const desktop = workbook("desktop");
    expect(await merged(desktop.host, () => createOfficeGateway(desktop.host).writeStampSheet([["stamp"]]))).toEqual([false]);
    expect(desktop.book.sheet("_epr_stamp").visibility).toBe("VeryHidden");
  });

  it("merges nothing before ExcelApi 1.20", async () => {
    const { host } = workbook("web", "1.19");
    const gateway = createOfficeGateway(host);
    expect(await merged(host, () => gateway.writeCells("Trusts", [{ address: "A2", value: "RX1" }]))).toEqual([false]);
    expect(host.lastContext().runOptions).toEqual({ oneUndoStep: true });
  });

  it("reads are never merged: there is nothing to undo", async () => {
    const { host } = workbook("web");
    const gateway = createOfficeGateway(host);
    expect(await merged(host, () => gateway.readSheet("Trusts"))).toEqual([false]);
    expect(await merged(host, () => gateway.listSheets())).toEqual([false]);
  });
});

describe("mergesUndo (the host's rule)", () => {
  it("merges a user's action where Excel can, and never a batch Excel could not undo as a whole", () => {
    expect(mergesUndo({ oneUndoStep: true }, true, false)).toBe(true);
    expect(mergesUndo({ oneUndoStep: true, setsVisibility: true }, true, true)).toBe(true);
    expect(mergesUndo({ oneUndoStep: true, setsVisibility: true }, true, false)).toBe(false);
    expect(mergesUndo({ oneUndoStep: true }, false, true)).toBe(false);
    expect(mergesUndo(undefined, true, true)).toBe(false);
    expect(mergesUndo({}, true, true)).toBe(false);
  });
});

describe("officeHost().run", () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, "Excel");
    Reflect.deleteProperty(globalThis, "Office");
  });

  /** Excel.run's options for a batch run with `options`, on a host of the given sets and platform. */
  async function excelRunOptions(options: Parameters<ReturnType<typeof officeHost>["run"]>[1], has120: boolean, platform: string): Promise<unknown> {
    let seen: unknown;
    Object.assign(globalThis, {
      Excel: { run: async (runOptions: unknown, batch: (context: unknown) => Promise<unknown>) => { seen = runOptions; return batch({}); } },
      Office: { context: { platform, requirements: { isSetSupported: (name: string, version: string) => name === "ExcelApi" && (version !== "1.20" || has120) } } },
    });
    await officeHost().run(async () => undefined, options);
    return seen;
  }

  it("passes mergeUndoGroup only for one user action on a host that has it", async () => {
    expect(await excelRunOptions({ oneUndoStep: true }, true, "PC")).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    expect(await excelRunOptions({ oneUndoStep: true, setsVisibility: true }, true, "OfficeOnline")).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    expect(await excelRunOptions({ oneUndoStep: true, setsVisibility: true }, true, "Mac")).toEqual({ delayForCellEdit: true });
    expect(await excelRunOptions({ oneUndoStep: true }, false, "OfficeOnline")).toEqual({ delayForCellEdit: true });
    expect(await excelRunOptions(undefined, true, "OfficeOnline")).toEqual({ delayForCellEdit: true });
  });
});
