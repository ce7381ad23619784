/**
 * The gateway against office-addin-mock's OfficeMockObject, installed as the Excel and
 * Office globals, so the default host (Excel.run with delayForCellEdit, the document
 * settings earlier versions saved to) is what runs. Loaded properties read before
 * context.sync() come back as the mock's error strings, so a missing sync shows up as
 * a wrong grid.
 */
import { OfficeMockObject } from "office-addin-mock";
// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose own
// dependencies include an ESM-only package nested where jest.config's transform
// allow-list does not reach; so that one module is replaced by the enum.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { isErrorValue, type SheetData } from "../../src/core/cells";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { officeError } from "./fakeExcel";

const DATE_SERIAL = 45291; // 2023-12-31

/** A used range at B2 of `dataRows` trust rows under a header: code, go-live date, an error, a blank. */
function usedRange(dataRows: number) {
  const values: unknown[][] = [["Trust ODS code", "Go-live date", "Beds", "Notes"]];
  const valueTypes: string[][] = [["String", "String", "String", "String"]];
  const numberFormat: string[][] = [["General", "General", "General", "General"]];
  for (let i = 0; i < dataRows; i++) {
    values.push([`R${String(i % 100).padStart(2, "0")}`, DATE_SERIAL + (i % 7), "#REF!", ""]);
    valueTypes.push(["String", "Double", "Error", "Empty"]);
    numberFormat.push(["General", "dd/mm/yyyy", "0", "General"]);
  }
  return { address: `Trusts!B2:E${dataRows + 2}`, values, valueTypes, numberFormat };
}

interface Installed {
  syncs: () => number;
  runOptions: () => unknown;
  settingsStore: Map<string, unknown>;
}

function install(dataRows: number): Installed {
  let syncs = 0;
  let runOptions: unknown = null;
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        // Workbook.functions.date, which readSheet evaluates for the date system: DATE(2000,1,1) in a 1900 workbook.
        functions: {
          dateResult: { value: 36526 },
          date: function () { return this.dateResult; },
        },
        worksheets: {
          trusts: {
            name: "Trusts",
            visibility: "Visible",
            usedRange: usedRange(dataRows),
            selection: { address: "", select: function (this: { selected?: boolean }) { this.selected = true; } },
            getUsedRangeOrNullObject: function () { return this.usedRange; },
            getRange: function (this: { selection: { requested?: string } }, address: string) {
              this.selection.requested = address;
              return this.selection;
            },
            activate: function (this: { activated?: boolean }) { this.activated = true; },
          },
          getItem: function (name: string) {
            if (name === "Trusts") return this.trusts;
            if (name === "Busy") throw officeError("InvalidOperationInCellEditMode");
            throw officeError("ItemNotFound");
          },
          // The settings sheet is missing: getItemOrNullObject hands out a null object, whose used range is one too.
          missing: {
            usedRange: { address: "", values: [] },
            getUsedRangeOrNullObject: function () { return this.usedRange; },
          },
          getItemOrNullObject: function () { return this.missing; },
          // What worksheets.add gives: the new settings sheet, whose ranges record what is written to them.
          created: {
            visibility: "Visible",
            written: { address: "" },
            getRange: function (this: { written: { requested?: string } }, address: string) {
              this.written.requested = address;
              return this.written;
            },
          },
          add: function (this: { created: { name?: string } }, name: string) {
            this.created.name = name;
            return this.created;
          },
        },
      },
    },
    run: async function (options: unknown, batch: (context: unknown) => Promise<unknown>) {
      runOptions = options;
      return batch(this.context);
    },
  });
  excel.context.workbook.worksheets.trusts.usedRange.isNullObject = false;
  excel.context.workbook.worksheets.missing.isNullObject = true;
  excel.context.workbook.worksheets.missing.usedRange.isNullObject = true;
  const mockSync = excel.context.sync.bind(excel.context);
  excel.context.sync = async () => {
    syncs++;
    await mockSync();
    // The mock copies loaded values up its tree in later microtasks: let them land.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };

  const settingsStore = new Map<string, unknown>();
  const office = new OfficeMockObject({
    context: {
      document: {
        settings: {
          get: (key: string) => (settingsStore.has(key) ? settingsStore.get(key) : null),
          set: (key: string, value: unknown) => void settingsStore.set(key, value),
          remove: (key: string) => void settingsStore.delete(key),
          saveAsync: (callback: (result: { status: string }) => void) => callback({ status: "succeeded" }),
        },
      },
      requirements: { isSetSupported: () => true },
    },
  });
  Object.assign(globalThis, { Excel: excel, Office: office });
  return { syncs: () => syncs, runOptions: () => runOptions, settingsStore };
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Excel");
  Reflect.deleteProperty(globalThis, "Office");
});

function checkGrid(sheet: SheetData, dataRows: number): void {
  expect(sheet.name).toBe("Trusts");
  expect(sheet.firstRow).toBe(2);
  expect(sheet.firstCol).toBe(2);
  expect(sheet.rows).toHaveLength(dataRows + 1);
  expect(sheet.rows[0]).toEqual(["Trust ODS code", "Go-live date", "Beds", "Notes"]);
  const last = sheet.rows[dataRows];
  expect(last?.[0]).toMatch(/^R\d\d$/);
  expect(last?.[1]).toBeInstanceOf(Date);
  expect(isErrorValue(last?.[2])).toBe(true);
  expect(last?.[2]).toEqual({ kind: "error", code: "#REF!" });
  expect(last?.[3]).toBeNull();
  const first = sheet.rows[1]?.[1] as Date;
  expect(first.toISOString()).toBe("2023-12-31T00:00:00.000Z");
}

describe("readSheet over office-addin-mock", () => {
  it("reads 10 rows and 10,000 rows with the same single context.sync()", async () => {
    const small = install(10);
    checkGrid(await createOfficeGateway().readSheet("Trusts"), 10);
    const smallSyncs = small.syncs();

    const large = install(10_000);
    checkGrid(await createOfficeGateway().readSheet("Trusts"), 10_000);

    expect(smallSyncs).toBe(1);
    expect(large.syncs()).toBe(smallSyncs);
  });

  it("runs with delayForCellEdit so a user typing in a cell delays rather than fails the batch", async () => {
    const installed = install(1);
    await createOfficeGateway().readSheet("Trusts");
    expect(installed.runOptions()).toEqual({ delayForCellEdit: true });
  });

  it("turns Office errors into messages that say what to do", async () => {
    install(1);
    const gateway = createOfficeGateway();
    await expect(gateway.readSheet("Busy")).rejects.toThrow(
      'Could not read sheet "Busy": Excel is busy editing a cell: press Enter or Esc and try again.',
    );
    await expect(gateway.readSheet("Gone")).rejects.toThrow(/renamed or deleted/);
  });
});

describe("selectCell over office-addin-mock", () => {
  it("looks at the sheet's visibility, then activates the sheet and selects the cell: two syncs", async () => {
    const installed = install(1);
    await createOfficeGateway().selectCell("Trusts", "G7");
    const trusts = (globalThis as unknown as { Excel: OfficeMockObject }).Excel.context.workbook.worksheets.trusts;
    expect(trusts.activated).toBe(true);
    expect(trusts.selection.requested).toBe("G7");
    expect(trusts.selection.selected).toBe(true);
    expect(installed.syncs()).toBe(2);
  });
});

describe("settings over office-addin-mock", () => {
  it("reads a value an earlier version left in the document settings when the workbook has no settings sheet, in one sync", async () => {
    const installed = install(1);
    installed.settingsStore.set("eprReturn.profile", { profile: "mar-2026", weights: [1, 2] });
    const gateway = createOfficeGateway();
    expect(await gateway.loadSetting("eprReturn.profile")).toEqual({ profile: "mar-2026", weights: [1, 2] });
    expect(installed.syncs()).toBe(1);
    expect(await gateway.loadSetting("eprReturn.other")).toBeUndefined();
  });

  it("saves to a new very hidden settings sheet as text, and drops the document settings' copy", async () => {
    const installed = install(1);
    installed.settingsStore.set("eprReturn.profile", { profile: "feb-2026" });
    await createOfficeGateway().saveSetting("eprReturn.profile", { profile: "mar-2026" });
    const created = (globalThis as unknown as { Excel: OfficeMockObject }).Excel.context.workbook.worksheets.created;
    expect(created.name).toBe("_epr_settings");
    expect(created.visibility).toBe("VeryHidden");
    expect(created.written.requested).toBe("A1:B1");
    expect(created.written.numberFormat).toEqual([["@", "@"]]);
    expect(created.written.values).toEqual([["eprReturn.profile", '{"profile":"mar-2026"}']]);
    expect(installed.syncs()).toBe(2);
    expect(installed.settingsStore.has("eprReturn.profile")).toBe(false);
  });
});
