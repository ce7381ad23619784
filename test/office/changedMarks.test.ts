/** The Compare view's `changed` marks through the Office gateway (fakeExcel.ts): blue, below the issue marks, cleared like them. */
import { MARK_STYLES, MARKS_SETTING } from "../../src/app/marks";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { fakeHost, FakeWorkbook } from "./fakeExcel";

function setup() {
  const book = new FakeWorkbook();
  return { host: fakeHost(book, 1.9), book };
}

describe("changed marks (Office)", () => {
  it("draws changed cells in blue, with the same syncs as issue marks, and records them", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet("Trusts");
    const gateway = createOfficeGateway(host);
    await gateway.markCells("Trusts", [{ address: "E2", severity: "changed" }, { address: "E3", severity: "changed" }, { address: "G4", severity: "changed" }]);
    expect(host.runSyncs()[0]).toBe(3);
    expect(sheet.conditionalFormats.map((cf) => [cf.appliesTo, cf.formula, cf.fill])).toEqual([
      ["E2:E3,G4", MARK_STYLES.changed.formula, "#BDD7EE"],
    ]);
    expect(await gateway.loadSetting(MARKS_SETTING)).toEqual({ Trusts: { error: [], warning: [], changed: ["E2:E3", "G4"] } });
  });

  it("adds the changed marks first, so an error or a warning on the same cells shows over them, and clears them all", async () => {
    const { host, book } = setup();
    const sheet = book.addSheet("Trusts");
    sheet.addConditionalFormat("Custom", "A2:A50", "=A2>100", "#00FF00");
    const gateway = createOfficeGateway(host);
    await gateway.markCells("Trusts", [{ address: "A2", severity: "changed" }, { address: "B2", severity: "changed" }, { address: "B2", severity: "error" }]);
    const ours = sheet.conditionalFormats.filter((cf) => cf.formula !== "=A2>100").map((cf) => cf.formula);
    expect(ours).toEqual([MARK_STYLES.changed.formula, MARK_STYLES.error.formula]);
    await gateway.clearMarks("Trusts");
    expect(sheet.conditionalFormats.map((cf) => cf.formula)).toEqual(["=A2>100"]);
    expect(await gateway.loadSetting(MARKS_SETTING)).toEqual({});
  });
});
