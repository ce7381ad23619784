/** The Compare view's `changed` marks through the workbench's gateway: blue, under the issue marks, cleared like them. */
import { MARKS_SETTING } from "../../../src/app/marks";
import { conditionalFormats, readMarkKinds, readMarks } from "../../../src/files/gateway/marks";
import { formatsSnapshot, openUserWorkbook, reopen, sheetOf } from "./helpers";

describe("XlsxGateway changed marks", () => {
  it("marks changed cells in blue below the issue marks, and the grid's issue reading leaves them out", async () => {
    const gateway = await openUserWorkbook();
    await gateway.markCells("Trusts", [
      { address: "E2", severity: "changed" },
      { address: "E3", severity: "changed" },
      { address: "A2", severity: "error" },
      { address: "A2", severity: "changed" },
    ]);
    const ws = sheetOf(await reopen(gateway), "Trusts");
    expect(readMarkKinds(ws)).toEqual([
      { kind: "error", ranges: ["A2"] },
      { kind: "changed", ranges: ["E2:E3"] },
    ]);
    expect(readMarks(ws)).toEqual([{ severity: "error", ranges: ["A2"] }]);
    const blue = conditionalFormats(ws).flatMap((f) => f.rules).find((r) => JSON.stringify(r).includes("CHANGED"));
    expect([blue?.priority, blue?.style?.fill]).toEqual([2, { type: "pattern", pattern: "solid", fgColor: { argb: "FFBDD7EE" }, bgColor: { argb: "FFBDD7EE" } }]);
    expect(await gateway.loadSetting(MARKS_SETTING)).toEqual({ Trusts: { error: ["A2"], warning: [], changed: ["E2:E3"] } });
  });

  it("clearing leaves the user's conditional formats exactly as they were", async () => {
    const original = await openUserWorkbook();
    const before = formatsSnapshot(sheetOf(original, "Trusts"));
    await original.markCells("Trusts", [{ address: "C2", severity: "changed" }, { address: "F20", severity: "changed" }]);
    const marked = await reopen(original);
    expect(readMarkKinds(sheetOf(marked, "Trusts"))).toHaveLength(1);
    await marked.clearMarks("Trusts");
    const cleared = await reopen(marked);
    expect(readMarkKinds(sheetOf(cleared, "Trusts"))).toEqual([]);
    expect(formatsSnapshot(sheetOf(cleared, "Trusts"))).toEqual(before);
    expect(await cleared.loadSetting(MARKS_SETTING)).toEqual({});
  });
});
