import { MARK_SENTINEL, MARKS_SETTING } from "../../../src/app/marks";
import { conditionalFormats, readMarks } from "../../../src/files/gateway/marks";
import type { XlsxGateway } from "../../../src/files/gateway/xlsxGateway";
import { cellSnapshot, formatsSnapshot, openUserWorkbook, reopen, sheetOf } from "./helpers";

function rulesOf(gateway: XlsxGateway, sheet: string): { ref: string; type: string; priority: number; formulae: unknown }[] {
  return conditionalFormats(sheetOf(gateway, sheet)).flatMap((f) => f.rules.map((r) => ({ ref: f.ref, type: r.type, priority: r.priority, formulae: Reflect.get(r, "formulae") })));
}

describe("XlsxGateway marks", () => {
  it("marks with the sentinel conditional formats: red for errors, amber for warnings, compact ranges, on top", async () => {
    const gateway = await openUserWorkbook();
    await gateway.markCells("Trusts", [
      { address: "A2", severity: "error" },
      { address: "A3", severity: "error" },
      { address: "B2", severity: "error" },
      { address: "B3", severity: "error" },
      { address: "C3", severity: "warning" },
      { address: "A2", severity: "warning" },
      { address: "E9", severity: "error" },
    ]);
    const reopened = await reopen(gateway);
    expect(readMarks(sheetOf(reopened, "Trusts"))).toEqual([
      { severity: "error", ranges: ["A2:B3", "E9"] },
      { severity: "warning", ranges: ["C3"] },
    ]);
    const ours = conditionalFormats(sheetOf(reopened, "Trusts")).flatMap((f) => f.rules).filter((r) => JSON.stringify(r).includes(MARK_SENTINEL));
    expect(ours.map((r) => [r.priority, r.style?.fill])).toEqual([
      [1, { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" }, bgColor: { argb: "FFFFC7CE" } }],
      [2, { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" }, bgColor: { argb: "FFFFEB9C" } }],
    ]);
    // The user's own rules are still there, below the marks.
    expect(rulesOf(reopened, "Trusts").filter((r) => r.type === "cellIs")).toEqual([{ ref: "C2:C10", type: "cellIs", priority: 3, formulae: ["0"] }]);
  });

  it("mark → save → open → clear → save → open leaves every cell style and the user's formats as they were", async () => {
    const original = await openUserWorkbook();
    const before = { cells: cellSnapshot(sheetOf(original, "Trusts")), formats: formatsSnapshot(sheetOf(original, "Trusts")) };
    // The snapshots hold what the test is about: the user's fill, border and conditional formats.
    expect(before.cells).toContain("FF00B050");
    expect(before.cells).toContain('"double"');
    expect(before.formats).toContain("LEN($A2)>5");
    // The marked cells include the user's filled A2, bordered B2 and conditionally formatted C2:C3.
    await original.markCells("Trusts", [
      { address: "A2", severity: "error" },
      { address: "B2", severity: "warning" },
      { address: "C2", severity: "error" },
      { address: "C3", severity: "warning" },
      { address: "F20", severity: "error" },
    ]);
    const marked = await reopen(original);
    expect(readMarks(sheetOf(marked, "Trusts"))).toHaveLength(2);
    await marked.clearMarks("Trusts");
    const cleared = await reopen(marked);
    const ws = sheetOf(cleared, "Trusts");
    expect(readMarks(ws)).toEqual([]);
    expect(cellSnapshot(ws)).toEqual(before.cells);
    expect(formatsSnapshot(ws)).toEqual(before.formats);
    expect(ws.getColumn(2).width).toBe(30);
    expect(await cleared.loadSetting(MARKS_SETTING)).toEqual({});
  });

  it("marking again replaces the earlier marks, and the user's priorities move by the new count only", async () => {
    const gateway = await openUserWorkbook();
    await gateway.markCells("Trusts", [{ address: "A2", severity: "error" }, { address: "B2", severity: "warning" }]);
    await gateway.markCells("Trusts", [{ address: "D4", severity: "warning" }]);
    expect(readMarks(sheetOf(gateway, "Trusts"))).toEqual([{ severity: "warning", ranges: ["D4"] }]);
    expect(rulesOf(gateway, "Trusts").map((r) => r.priority).sort()).toEqual([1, 2, 3]);
    expect(await gateway.loadSetting(MARKS_SETTING)).toEqual({ Trusts: { error: [], warning: ["D4"] } });
    await gateway.clearMarks("Trusts");
    expect(rulesOf(gateway, "Trusts").map((r) => [r.ref, r.priority])).toEqual([["C2:C10", 1], ["A2:B3", 2]]);
  });

  it("clearing removes only the add-in's rule from a format that also holds a user's rule", async () => {
    const gateway = await openUserWorkbook();
    const ws = sheetOf(gateway, "Trusts");
    // As Excel may save it: one conditionalFormatting element holding the user's rule and ours.
    ws.addConditionalFormatting({
      ref: "D1:D5",
      rules: [
        { type: "expression", priority: 3, formulae: [`ISTEXT("${MARK_SENTINEL}-ERROR")`] },
        { type: "cellIs", operator: "equal", priority: 4, formulae: [7], style: { font: { bold: true } } },
      ],
    });
    await gateway.clearMarks("Trusts");
    expect(rulesOf(gateway, "Trusts")).toEqual([
      { ref: "C2:C10", type: "cellIs", priority: 1, formulae: ["0"] },
      { ref: "A2:B3", type: "expression", priority: 2, formulae: ["LEN($A2)>5"] },
      { ref: "D1:D5", type: "cellIs", priority: 4, formulae: [7] },
    ]);
  });

  it("fires onChange but not onSheetChanged (marks change no value)", async () => {
    const gateway = await openUserWorkbook();
    const sheetChanged = jest.fn();
    const changed = jest.fn();
    await gateway.onSheetChanged("Trusts", sheetChanged);
    gateway.onChange(changed);
    await gateway.markCells("Trusts", [{ address: "A1", severity: "error" }]);
    await gateway.clearMarks("Trusts");
    expect(changed).toHaveBeenCalledTimes(2);
    expect(sheetChanged).not.toHaveBeenCalled();
  });

  it("clearing a sheet that has no marks changes nothing in the workbook (no settings sheet appears)", async () => {
    const gateway = await openUserWorkbook();
    const before = formatsSnapshot(sheetOf(gateway, "Trusts"));
    await gateway.clearMarks("Trusts");
    expect(gateway.workbook.worksheets.map((ws) => ws.name)).toEqual(["Trusts", "Notes"]);
    expect(formatsSnapshot(sheetOf(gateway, "Trusts"))).toEqual(before);
  });

  it("refuses a sheet that is not there and an address that is not one", async () => {
    const gateway = await openUserWorkbook();
    await expect(gateway.markCells("Nope", [])).rejects.toThrow('no sheet named "Nope"');
    await expect(gateway.markCells("Trusts", [{ address: "not a cell", severity: "error" }])).rejects.toThrow("not a cell");
    expect(readMarks(sheetOf(gateway, "Trusts"))).toEqual([]);
  });
});
