/**
 * checkReturn, the one read-and-check every host runs: what it reads (each sheet once, the sheets listed once,
 * the saved mapping once) and what it decides (the trust sheet, the ICS sheet's issues first, the submission date).
 */
import { checkReturn, readReturnSheets, wholeResult } from "../../src/app/checkReturn";
import { MAX_SHEETS_PROBED, ReturnReadError } from "../../src/app/sheetChoice";
import { STAMP_SHEET } from "../../src/core/stamp";
import { FakeGateway } from "../ui/fakeGateway";
import { HEADERS, ICS_ROWS, cleanReturn, returnWithIssues, trustRow } from "../ui/fixtures";
import { SUBMISSION_DATE_SETTING } from "../../src/app/settings/submissionDate";

const TODAY = "2026-11-29";

function readsOf(gateway: FakeGateway): string[] {
  return gateway.callsTo("readSheet").map(([name]) => String(name));
}

describe("checkReturn", () => {
  it("lists the sheets once and reads the trust sheet, the ICS sheet and the saved mapping once each", async () => {
    const gateway = new FakeGateway().addSheet("Guidance", [["Read me"]]).addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn());
    const checked = await checkReturn(gateway, { today: TODAY });
    expect(gateway.callsTo("listSheets")).toHaveLength(1);
    expect(readsOf(gateway).sort()).toEqual(["ICS", "Trusts"]);
    expect(gateway.callsTo("loadSetting")).toEqual([["mapping:Trusts"]]);
    // Nothing saved under the sheet's name: the keys are listed once, for a mapping saved before a rename.
    expect(gateway.callsTo("settingKeys")).toHaveLength(1);
    expect(checked.sheet.name).toBe("Trusts");
    expect(checked.submitted).toBe(checked.ics?.details.submissionDate);
  });

  it("probes sheets for a header row at most once each, and reads the chosen one no more", async () => {
    const gateway = new FakeGateway().addSheet("Notes", [["nothing"]]).addSheet("EPR position", [["Title"], HEADERS, ...cleanReturn().slice(1)]).addSheet("Later", [HEADERS]);
    const checked = await checkReturn(gateway, { today: TODAY });
    expect(checked.sheet.name).toBe("EPR position");
    expect(readsOf(gateway)).toEqual(["Notes", "EPR position"]);
  });

  it(`probes at most ${MAX_SHEETS_PROBED} sheets, then takes the first visible one`, async () => {
    const gateway = new FakeGateway();
    for (let i = 1; i <= MAX_SHEETS_PROBED + 2; i++) gateway.addSheet(`Sheet${i}`, [["x"]]);
    const checked = await checkReturn(gateway, { today: TODAY });
    expect(checked.sheet.name).toBe("Sheet1");
    expect(readsOf(gateway)).toHaveLength(MAX_SHEETS_PROBED);
    expect(checked.errors).toBeGreaterThan(0);
  });

  it("never takes the add-in's own sheets, nor a hidden sheet when a visible one is there", async () => {
    const gateway = new FakeGateway().addSheet(STAMP_SHEET, [HEADERS], false).addSheet("Hidden", [HEADERS], false).addSheet("Data", [["x"]]);
    expect((await checkReturn(gateway, { today: TODAY })).sheet.name).toBe("Data");
  });

  it("counts the ICS sheet's issues first, and in the totals", async () => {
    const ics = ICS_ROWS.map((r) => [...r]);
    const date = ics.findIndex((r) => String(r[0]).toLowerCase().includes("submission"));
    ics[date] = [ics[date]?.[0] ?? "Submission date", "31/02/2023"];
    const gateway = new FakeGateway().addSheet("ICS", ics).addSheet("Trusts", returnWithIssues());
    const checked = await checkReturn(gateway, { today: TODAY });
    expect(checked.issues[0]?.sheet).toBe("ICS");
    expect(checked.errors + checked.warnings).toBe(checked.issues.length);
    expect(checked.errors).toBe(checked.issues.filter((i) => i.severity === "error").length);
    expect(wholeResult(checked)).toMatchObject({ errors: checked.errors, warnings: checked.warnings, issues: checked.issues });
  });

  it("uses --submitted only when the ICS sheet gives no date, then the date stored with the return, and today last", async () => {
    const gateway = new FakeGateway().addSheet("Trusts", cleanReturn());
    expect(await readReturnSheets(gateway, { today: TODAY })).toMatchObject({ submitted: TODAY, submittedFrom: "today" });
    expect(await readReturnSheets(gateway, { today: TODAY, submitted: "2023-11-15" })).toMatchObject({ submitted: "2023-11-15", submittedFrom: "given" });
    await gateway.saveSetting(SUBMISSION_DATE_SETTING, "2024-03-31");
    expect(await readReturnSheets(gateway, { today: TODAY })).toMatchObject({ submitted: "2024-03-31", submittedFrom: "stored" });
    // The command line's --submitted wins over the stored date.
    expect(await readReturnSheets(gateway, { today: TODAY, submitted: "2023-11-15" })).toMatchObject({ submitted: "2023-11-15", submittedFrom: "given" });
    // A value that is no date (a hand edit) reads as none.
    await gateway.saveSetting(SUBMISSION_DATE_SETTING, "31/03/2024");
    expect(await readReturnSheets(gateway, { today: TODAY })).toMatchObject({ submitted: TODAY, submittedFrom: "today" });
  });

  it("the ICS sheet's date wins over the stored one, which is then not read", async () => {
    const gateway = new FakeGateway().addSheet("ICS", ICS_ROWS).addSheet("Trusts", cleanReturn());
    await gateway.saveSetting(SUBMISSION_DATE_SETTING, "2024-03-31");
    const read = await readReturnSheets(gateway, { today: TODAY, submitted: "2023-11-15" });
    expect(read).toMatchObject({ submitted: read.ics?.details.submissionDate, submittedFrom: "ics" });
    expect(read.submitted).not.toBe("2024-03-31");
    expect(gateway.callsTo("loadSetting").map(([key]) => key)).not.toContain(SUBMISSION_DATE_SETTING);
  });

  it("measures the date rules from the stored date", async () => {
    // Implementing, to go live on 1 Jan 2024: a warning once the return is sent after that day.
    const rows = [HEADERS, trustRow({ trustCode: "RYJ", trustName: "Imperial", trustType: "Acute", eprStatus: "Implementing", supplier: "Epic", goLiveDate: "2024-01-01", plan: "Keep", beds: 10 })];
    const gateway = new FakeGateway().addSheet("Trusts", rows);
    expect((await checkReturn(gateway, { today: TODAY })).warnings).toBe(1);
    await gateway.saveSetting(SUBMISSION_DATE_SETTING, "2023-12-31");
    expect((await checkReturn(gateway, { today: TODAY })).warnings).toBe(0);
  });

  it("refuses a sheet that is not there, naming the user's sheets", async () => {
    const gateway = new FakeGateway().addSheet("Trusts", cleanReturn()).addSheet(STAMP_SHEET, [["x"]], false);
    await expect(checkReturn(gateway, { today: TODAY, sheet: "Nope" })).rejects.toThrow(new ReturnReadError('no sheet named "Nope" (sheets: Trusts)'));
  });

  it("says so for a workbook without sheets", async () => {
    await expect(checkReturn(new FakeGateway(), { today: TODAY })).rejects.toThrow("the workbook has no sheets");
  });
});
