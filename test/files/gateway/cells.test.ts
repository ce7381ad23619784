import { XlsxGateway } from "../../../src/files/gateway/xlsxGateway";
import { GREEN_FILL, openUserWorkbook, reopen, sheetOf } from "./helpers";

describe("XlsxGateway writeCells and change notifications", () => {
  it("writes numbers, text, booleans and blanks, keeping the cells' formats, through a save", async () => {
    const gateway = await openUserWorkbook();
    await gateway.writeCells("Trusts", [
      { address: "A2", value: "RX9" },
      { address: "$C$2", value: 99 },
      { address: "d2", value: true },
      { address: "B2", value: null },
      { address: "E2", value: "=SUM(1,2)" },
    ]);
    const reopened = await reopen(gateway);
    expect((await reopened.readSheet("Trusts")).rows[1]).toEqual(["RX9", null, 99, true, "=SUM(1,2)"]);
    const ws = sheetOf(reopened, "Trusts");
    expect(ws.getCell("A2").fill).toEqual(GREEN_FILL);
    expect(ws.getCell("C2").numFmt).toBe("£#,##0.00");
    expect(ws.getCell("E2").formula).toBeUndefined();
  });

  it("writes nothing when one write is bad", async () => {
    const gateway = await openUserWorkbook();
    const changed = jest.fn();
    gateway.onChange(changed);
    await expect(gateway.writeCells("Trusts", [{ address: "A2", value: "RX9" }, { address: "A2:B3", value: 1 }])).rejects.toThrow("not a single-cell A1 address");
    await expect(gateway.writeCells("Trusts", [{ address: "A2", value: "RX9" }, { address: "B9", value: Number.NaN }])).rejects.toThrow("finite");
    await expect(gateway.writeCells("Missing", [{ address: "A1", value: 1 }])).rejects.toThrow('no sheet named "Missing"');
    expect(sheetOf(gateway, "Trusts").getCell("A2").value).toBe("RX1");
    expect(changed).not.toHaveBeenCalled();
  });

  it("tells the change listeners (the grid) but not the sheet's listeners, which hear of the user's edits only", async () => {
    const gateway = await openUserWorkbook();
    const trusts = jest.fn();
    const any = jest.fn();
    await gateway.onSheetChanged("Trusts", trusts);
    const stopAny = gateway.onChange(any);
    await gateway.writeCells("Trusts", [{ address: "A9", value: 1 }]);
    expect(any).toHaveBeenCalledTimes(1);
    expect(trusts).not.toHaveBeenCalled();
    stopAny();
    await gateway.writeCells("Trusts", [{ address: "A9", value: 2 }]);
    expect(any).toHaveBeenCalledTimes(1);
    expect(trusts).not.toHaveBeenCalled();
  });

  it("editCells (the grid's edits) writes as writeCells does, then tells the sheet's listeners (any case of its name) and the change listeners once, until they unsubscribe", async () => {
    const gateway = await openUserWorkbook();
    const trusts = jest.fn();
    const notes = jest.fn();
    const any = jest.fn();
    const stopTrusts = await gateway.onSheetChanged("TRUSTS", trusts);
    await gateway.onSheetChanged("Notes", notes);
    const stopAny = gateway.onChange(any);
    await gateway.editCells("trusts", [{ address: "A9", value: 1 }, { address: "B9", value: "North" }]);
    expect((await gateway.readSheet("Trusts")).rows[8]?.slice(0, 2)).toEqual([1, "North"]);
    expect(trusts).toHaveBeenCalledTimes(1);
    expect(notes).not.toHaveBeenCalled();
    expect(any).toHaveBeenCalledTimes(1);
    await stopTrusts();
    stopAny();
    await gateway.editCells("Trusts", [{ address: "A9", value: 2 }]);
    expect(trusts).toHaveBeenCalledTimes(1);
    expect(any).toHaveBeenCalledTimes(1);
  });

  it("editCells writes nothing and tells no one when one write is bad", async () => {
    const gateway = await openUserWorkbook();
    const trusts = jest.fn();
    const any = jest.fn();
    await gateway.onSheetChanged("Trusts", trusts);
    gateway.onChange(any);
    await expect(gateway.editCells("Trusts", [{ address: "A2", value: "RX9" }, { address: "A2:B3", value: 1 }])).rejects.toThrow("not a single-cell A1 address");
    await expect(gateway.editCells("Missing", [{ address: "A1", value: 1 }])).rejects.toThrow('no sheet named "Missing"');
    expect(sheetOf(gateway, "Trusts").getCell("A2").value).toBe("RX1");
    expect(trusts).not.toHaveBeenCalled();
    expect(any).not.toHaveBeenCalled();
  });

  it("notifyEdited (cells the user changed some other way) fires the sheet's and the change listeners", async () => {
    const gateway = await openUserWorkbook();
    const notes = jest.fn();
    const any = jest.fn();
    await gateway.onSheetChanged("Notes", notes);
    gateway.onChange(any);
    gateway.notifyEdited("notes");
    expect(notes).toHaveBeenCalledTimes(1);
    expect(any).toHaveBeenCalledTimes(1);
    expect(() => gateway.notifyEdited("Missing")).toThrow('no sheet named "Missing"');
  });

  it("calls every listener even when one throws, then reports the error", async () => {
    const gateway = XlsxGateway.blank();
    const after = jest.fn();
    await gateway.onSheetChanged("Sheet1", () => {
      throw new Error("listener broke");
    });
    gateway.onChange(after);
    await expect(gateway.editCells("Sheet1", [{ address: "A1", value: 5 }])).rejects.toThrow("listener broke");
    expect(after).toHaveBeenCalledTimes(1);
    expect((await gateway.readSheet("Sheet1")).rows).toEqual([[5]]);
  });
});

describe("XlsxGateway selection", () => {
  it("records the selection and tells subscribers, with the sheet's own name and a plain address", async () => {
    const gateway = await openUserWorkbook();
    const seen: [string, string][] = [];
    const stop = gateway.onSelectionChanged((sheet, address) => seen.push([sheet, address]));
    expect(gateway.selection).toBeNull();
    await gateway.selectCell("trusts", "$c$7");
    await gateway.selectCell("Notes", "B2:A1");
    expect(seen).toEqual([["Trusts", "C7"], ["Notes", "A1:B2"]]);
    expect(gateway.selection).toEqual({ sheet: "Notes", address: "A1:B2" });
    stop();
    await gateway.selectCell("Trusts", "A1");
    expect(seen).toHaveLength(2);
    expect(gateway.selection).toEqual({ sheet: "Trusts", address: "A1" });
  });

  it("refuses a missing sheet or a bad address and keeps the last selection", async () => {
    const gateway = await openUserWorkbook();
    await gateway.selectCell("Trusts", "B2");
    await expect(gateway.selectCell("Missing", "A1")).rejects.toThrow('no sheet named "Missing"');
    await expect(gateway.selectCell("Trusts", "B")).rejects.toThrow("not an A1 cell or range address");
    expect(gateway.selection).toEqual({ sheet: "Trusts", address: "B2" });
  });
});
