import { XlsxGateway } from "../../../src/files/gateway/xlsxGateway";
import { cellSnapshot, reopen, sheetOf } from "./helpers";

const first = { name: "EPR Scores", rows: [["Figure", "Value"], ["Trusts", 4], ["Installed share", 0.75], ["Target met", true]] };
const second = { name: "EPR Scores", rows: [["Figure", "Value"], ["Trusts", 2]] };

describe("XlsxGateway writeFigures", () => {
  it("creates the figures sheet, then replaces its own sheet in place, also after a save and reopen", async () => {
    const gateway = XlsxGateway.blank();
    gateway.workbook.addWorksheet("After");
    const changed = jest.fn();
    const sheetChanged = jest.fn();
    await gateway.onSheetChanged("EPR Scores", sheetChanged);
    gateway.onChange(changed);
    expect(await gateway.writeFigures(first)).toBe("EPR Scores");
    // The add-in's own write: the grid redraws (onChange), the sheet's listeners (a user's edits only) hear nothing.
    expect(changed).toHaveBeenCalledTimes(1);
    expect(sheetChanged).not.toHaveBeenCalled();
    expect((await gateway.readSheet("EPR Scores")).rows).toEqual(first.rows);

    // Moved between the user's sheets: replacing keeps it where it is.
    const reopened = await reopen(gateway);
    const scores = sheetOf(reopened, "EPR Scores");
    Reflect.set(scores, "orderNo", 0.5);
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual(["Sheet1", "EPR Scores", "After"]);
    expect(await reopened.writeFigures(second)).toBe("EPR Scores");
    expect((await reopened.readSheet("EPR Scores")).rows).toEqual(second.rows);
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual(["Sheet1", "EPR Scores", "After"]);
  });

  it("never writes over a user's sheet of the same name: uses 'EPR Scores (2)', and replaces that next time", async () => {
    const gateway = XlsxGateway.blank();
    const users = gateway.workbook.addWorksheet("EPR Scores");
    users.getCell("A1").value = "my own scores";
    users.getCell("A1").font = { bold: true };
    const saved = await reopen(gateway);
    const before = cellSnapshot(sheetOf(saved, "EPR Scores"));
    expect(await saved.writeFigures(first)).toBe("EPR Scores (2)");
    const reopened = await reopen(saved);
    expect(await reopened.writeFigures(second)).toBe("EPR Scores (2)");
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual(["Sheet1", "EPR Scores", "EPR Scores (2)"]);
    expect(cellSnapshot(sheetOf(reopened, "EPR Scores"))).toEqual(before);
    expect((await reopened.readSheet("EPR Scores (2)")).rows).toEqual(second.rows);
  });

  it("does not take over a sheet that only has the recorded name (the add-in's was deleted)", async () => {
    const gateway = XlsxGateway.blank();
    await gateway.writeFigures(first);
    gateway.workbook.removeWorksheet(sheetOf(gateway, "EPR Scores").id);
    gateway.workbook.addWorksheet("Other");
    const users = gateway.workbook.addWorksheet("EPR Scores");
    users.getCell("A1").value = "mine";
    expect(await gateway.writeFigures(second)).toBe("EPR Scores (2)");
    expect(sheetOf(gateway, "EPR Scores").getCell("A1").value).toBe("mine");
  });

  it("writes figures that cannot be computed as blanks", async () => {
    const gateway = XlsxGateway.blank();
    await gateway.writeFigures({ name: "Figures", rows: [["Share", Number.NaN, Number.POSITIVE_INFINITY, null, 1]] });
    expect((await (await reopen(gateway)).readSheet("Figures")).rows).toEqual([["Share", null, null, null, 1]]);
  });
});
