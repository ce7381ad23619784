import { buildTemplate } from "../../../src/core/template/build";
import { XlsxGateway } from "../../../src/files/gateway/xlsxGateway";
import { cellSnapshot, formatsSnapshot, openUserWorkbook, reopen, sheetOf } from "./helpers";

const spec = buildTemplate();
const templateNames = spec.sheets.map((s) => s.name);

describe("XlsxGateway template", () => {
  it("plans the template's own names in a workbook without them", async () => {
    const plan = await XlsxGateway.blank().planTemplate(spec);
    expect(plan.sheets).toEqual(templateNames.map((name) => ({ templateName: name, name, renamed: false })));
  });

  it("plans '(2)' names where the user's sheets have the names, ignoring case", async () => {
    const gateway = await openUserWorkbook();
    gateway.workbook.addWorksheet("ics");
    const plan = await gateway.planTemplate(spec);
    expect(plan.sheets.find((s) => s.templateName === "Trusts")).toEqual({ templateName: "Trusts", name: "Trusts (2)", renamed: true });
    expect(plan.sheets.find((s) => s.templateName === "ICS")).toEqual({ templateName: "ICS", name: "ICS (2)", renamed: true });
    expect(plan.sheets.find((s) => s.templateName === "Guidance")).toEqual({ templateName: "Guidance", name: "Guidance", renamed: false });
  });

  it("inserts under the plan's names and never touches the user's own Trusts sheet", async () => {
    const gateway = await openUserWorkbook();
    const before = { cells: cellSnapshot(sheetOf(gateway, "Trusts")), formats: formatsSnapshot(sheetOf(gateway, "Trusts")) };
    const changedSheets: string[] = [];
    const changed = jest.fn();
    await gateway.onSheetChanged("Trusts (2)", () => changedSheets.push("Trusts (2)"));
    await gateway.onSheetChanged("Trusts", () => changedSheets.push("Trusts"));
    gateway.onChange(changed);
    const plan = await gateway.planTemplate(spec);
    await gateway.insertTemplate(spec, plan);
    // The add-in's own write: the grid redraws (onChange), no sheet's listener hears of it (only a user's edit).
    expect(changed).toHaveBeenCalledTimes(1);
    expect(changedSheets).toEqual([]);

    const reopened = await reopen(gateway);
    const names = (await reopened.listSheets()).map((s) => s.name);
    expect(names).toEqual(["Trusts", "Notes", ...plan.sheets.map((s) => s.name)]);
    const trusts = sheetOf(reopened, "Trusts");
    expect(cellSnapshot(trusts)).toEqual(before.cells);
    expect(formatsSnapshot(trusts)).toEqual(before.formats);
    expect(trusts.getTables()).toHaveLength(0);
    // The template's own Trusts sheet holds the headers, and the Summary's formulas point at it.
    const ours = sheetOf(reopened, "Trusts (2)");
    expect(ours.getCell("A1").value).toBe("Trust ODS code");
    const summaryFormulas = JSON.stringify(sheetOf(reopened, "Summary").getColumn(2).values);
    expect(summaryFormulas).toContain("'Trusts (2)'!");
  });

  it("refuses a stale plan that would now replace a sheet, and a plan missing a sheet", async () => {
    const gateway = XlsxGateway.blank();
    const plan = await gateway.planTemplate(spec);
    gateway.workbook.addWorksheet("Summary");
    await expect(gateway.insertTemplate(spec, plan)).rejects.toThrow('A sheet named "Summary" is already in the workbook');
    const missing = { sheets: plan.sheets.filter((s) => s.templateName !== "Lists") };
    await expect(XlsxGateway.blank().insertTemplate(spec, missing)).rejects.toThrow('no name for the sheet "Lists"');
    expect((await gateway.listSheets()).map((s) => s.name)).toEqual(["Sheet1", "Summary"]);
  });

  it("plans around the hidden settings sheet too", async () => {
    const gateway = XlsxGateway.blank();
    await gateway.saveSetting("k", 1);
    const plan = await gateway.planTemplate({ ...spec, sheets: [{ ...spec.sheets[0]!, name: "_EPR_settings" }] });
    expect(plan.sheets[0]?.name).toBe("_EPR_settings (2)");
  });
});
