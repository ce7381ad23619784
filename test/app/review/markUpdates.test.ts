import { markedSheetsOf, markFingerprint, planMarkUpdate } from "../../../src/app/review/markUpdates";
import { checkedSheets } from "../../../src/app/review/checkedSheets";
import { readIcsSheet } from "../../../src/core/ics";
import { issue } from "./issues";

const bogus = issue({ cell: "D3", row: 3 });
const cerner = issue({ cell: "E2", code: "non_canonical", severity: "warning" });

describe("marks that follow the check", () => {
  it("marks each sheet with issues in one call", () => {
    const update = planMarkUpdate(new Map(), [cerner, bogus, issue({ sheet: "ICS", cell: "B5" })], ["ICS", "Trusts"]);
    expect(update.mark).toEqual([
      ["Trusts", [{ address: "E2", severity: "warning" }, { address: "D3", severity: "error" }]],
      ["ICS", [{ address: "B5", severity: "error" }]],
    ]);
    expect(update.clear).toEqual([]);
  });

  it("replaces a sheet's marks when a cell became valid, and leaves alone a sheet whose marks would not change", () => {
    const first = planMarkUpdate(new Map(), [cerner, bogus], ["Trusts"]);
    // D3 was corrected: only E2 is left.
    const second = planMarkUpdate(first.after, [cerner], ["Trusts"]);
    expect(second.mark).toEqual([["Trusts", [{ address: "E2", severity: "warning" }]]]);
    // A check after an edit that changed no issue: no call.
    const third = planMarkUpdate(second.after, [cerner], ["Trusts"]);
    expect(third.mark).toEqual([]);
    expect(third.clear).toEqual([]);
    // Unless the user asks (Mark), in case the marks were removed by hand.
    expect(planMarkUpdate(second.after, [cerner], ["Trusts"], true).mark).toHaveLength(1);
  });

  it("clears a checked sheet that has no issues left, but not a sheet the check did not read", () => {
    const marked = new Map([["Trusts", markFingerprint([{ address: "E2", severity: "warning" }])], ["Old", "{}"]]);
    const update = planMarkUpdate(marked, [], ["Trusts"]);
    expect(update.mark).toEqual([]);
    expect(update.clear).toEqual(["Trusts"]);
    expect([...update.after.keys()]).toEqual(["Old"]);
    // A checked sheet never marked is not cleared.
    expect(planMarkUpdate(new Map(), [], ["ICS", "Trusts"]).clear).toEqual([]);
  });

  it("reads which sheets are marked from the workbook's marks record, as markFingerprint would see them", () => {
    const record = { Trusts: { error: ["D3"], warning: ["E2"] }, Broken: { error: "D3" }, Odd: null };
    const marked = markedSheetsOf(record);
    expect([...marked.keys()]).toEqual(["Trusts"]);
    expect(marked.get("Trusts")).toBe(markFingerprint([{ address: "E2", severity: "warning" }, { address: "D3", severity: "error" }]));
    expect(markedSheetsOf(undefined).size).toBe(0);
    // Compare's marks (changed cells) are not Validate's: that sheet is left alone by the next check.
    expect(markedSheetsOf({ Trusts: { error: [], warning: [], changed: ["D6"] } }).size).toBe(0);
    expect(markedSheetsOf(["Trusts"]).size).toBe(0);
  });

  it("checks the ICS sheet with the trust sheet when the workbook has one", () => {
    expect(checkedSheets({ sheet: { name: "Trusts", rows: [], firstRow: 1, firstCol: 1 }, ics: null })).toEqual(["Trusts"]);
    const ics = readIcsSheet({ name: "ICS", rows: [["ICS name", "North West London"]], firstRow: 1, firstCol: 1 });
    expect(checkedSheets({ sheet: { name: "Trusts", rows: [], firstRow: 1, firstCol: 1 }, ics })).toEqual(["ICS", "Trusts"]);
  });
});
