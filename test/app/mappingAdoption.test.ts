/**
 * Column mappings are saved per sheet name (`mapping:<sheet>`), so a rename strands them: loadSavedMapping adopts a
 * mapping saved for a sheet the workbook no longer has when its headers fit, and saveMapping moves it to the new key
 * (src/app/settings/mappingSetting.ts). Over the pane tests' FakeGateway; the real gateways: test/contract/renamedSheets.test.ts.
 */
import { checkReturn } from "../../src/app/checkReturn";
import { chooseSavedMapping, loadSavedMapping, mappingSettingKey, saveMapping } from "../../src/app/settings/mappingSetting";
import type { Row } from "../../src/core/cells";
import { detectMapping } from "../../src/core/headers";
import type { ColumnMapping } from "../../src/core/results";
import { FakeGateway } from "../ui/fakeGateway";
import { cleanReturn } from "../ui/fixtures";

const TODAY = "2026-11-29";

/** The clean return with one header the detection cannot place ("Incumbent"), which the user maps to the supplier. */
function vendorReturn(): Row[] {
  const rows = cleanReturn().map((r) => [...r]);
  const header = rows[0] ?? [];
  const at = header.indexOf("EPR supplier");
  if (at < 0) throw new Error("the fixture has no supplier column");
  header[at] = "Incumbent";
  return rows;
}

function userMapping(rows: Row[]): ColumnMapping {
  const detected = detectMapping({ name: "x", rows, firstRow: 1, firstCol: 1 });
  return { ...detected, headers: detected.headers.map((h) => (h.text === "Incumbent" ? { ...h, key: "supplier" } : h)) };
}

describe("loadSavedMapping", () => {
  it("reads the sheet's own key, looking no further", async () => {
    const rows = vendorReturn();
    const gateway = new FakeGateway().addSheet("Trusts", rows);
    await gateway.saveSetting(mappingSettingKey("Trusts"), userMapping(rows));
    const sheet = await gateway.readSheet("Trusts");
    await expect(loadSavedMapping(gateway, sheet, await gateway.listSheets())).resolves.toEqual({ value: userMapping(rows) });
    expect(gateway.callsTo("settingKeys")).toEqual([]);
  });

  it("adopts the mapping of a sheet no longer in the workbook when its headers fit", async () => {
    const rows = vendorReturn();
    const gateway = new FakeGateway().addSheet("Trusts 2024", rows);
    await gateway.saveSetting(mappingSettingKey("Trusts"), userMapping(rows));
    const sheet = await gateway.readSheet("Trusts 2024");
    const saved = await loadSavedMapping(gateway, sheet, await gateway.listSheets());
    expect(saved).toEqual({ value: userMapping(rows), adoptedFrom: "Trusts" });
    const chosen = chooseSavedMapping(saved, sheet, detectMapping(sheet));
    expect(chosen).toMatchObject({ source: "saved", adoptedFrom: "Trusts", mapping: userMapping(rows) });
    expect(chosen.note).toMatch(/saved for the sheet "Trusts", which is no longer in the workbook/);
  });

  it("reads a key saved under another case of the sheet's name as the sheet's own", async () => {
    const rows = vendorReturn();
    const gateway = new FakeGateway().addSheet("Trusts", rows);
    await gateway.saveSetting(mappingSettingKey("TRUSTS"), userMapping(rows));
    await expect(loadSavedMapping(gateway, await gateway.readSheet("Trusts"), await gateway.listSheets())).resolves.toEqual({ value: userMapping(rows) });
  });

  it("never takes the mapping of a sheet still in the workbook, nor one whose headers do not fit", async () => {
    const rows = vendorReturn();
    const gateway = new FakeGateway().addSheet("Trusts", rows).addSheet("Copy", rows);
    await gateway.saveSetting(mappingSettingKey("Trusts"), userMapping(rows));
    const otherHeaders = rows.map((r) => [...r]);
    (otherHeaders[0] ?? [])[0] = "Organisation code";
    await gateway.saveSetting(mappingSettingKey("Gone"), userMapping(otherHeaders));
    await expect(loadSavedMapping(gateway, await gateway.readSheet("Copy"), await gateway.listSheets())).resolves.toEqual({ value: undefined });
  });

  it("adopts none when two stranded mappings fit and differ; one when they are the same", async () => {
    const rows = vendorReturn();
    const gateway = new FakeGateway().addSheet("Now", rows);
    const mapping = userMapping(rows);
    await gateway.saveSetting(mappingSettingKey("Before"), mapping);
    await gateway.saveSetting(mappingSettingKey("Earlier"), { ...mapping, headers: mapping.headers.map((h) => (h.text === "Incumbent" ? { ...h, key: "targetSupplier" } : h)) });
    const sheet = await gateway.readSheet("Now");
    await expect(loadSavedMapping(gateway, sheet, await gateway.listSheets())).resolves.toEqual({ value: undefined });
    await gateway.saveSetting(mappingSettingKey("Earlier"), mapping);
    await expect(loadSavedMapping(gateway, sheet, await gateway.listSheets())).resolves.toEqual({ value: mapping, adoptedFrom: "Before" });
  });
});

describe("saveMapping", () => {
  it("saves under the sheet's name and removes the key it was adopted from", async () => {
    const rows = vendorReturn();
    const gateway = new FakeGateway().addSheet("Trusts 2024", rows);
    await gateway.saveSetting(mappingSettingKey("Trusts"), userMapping(rows));
    await gateway.saveSetting("eprReturn.other", 1);
    await saveMapping(gateway, "Trusts 2024", userMapping(rows), "Trusts");
    expect(await gateway.settingKeys()).toEqual(["eprReturn.other", "mapping:Trusts 2024"]);
    await saveMapping(gateway, "Trusts 2024", userMapping(rows));
    expect(await gateway.settingKeys()).toEqual(["eprReturn.other", "mapping:Trusts 2024"]);
  });
});

describe("checkReturn after a rename", () => {
  it("checks with the mapping saved before the sheet was renamed (the supplier column is read)", async () => {
    const rows = vendorReturn();
    const gateway = new FakeGateway().addSheet("Trusts 2024", rows);
    const before = await checkReturn(gateway, { today: TODAY });
    expect(before.mapping.source).toBe("detected");
    await gateway.saveSetting(mappingSettingKey("Trusts"), userMapping(rows));
    const after = await checkReturn(gateway, { today: TODAY });
    expect(after.mapping).toMatchObject({ source: "saved", adoptedFrom: "Trusts" });
    expect(after.errors).toBeLessThan(before.errors);
    expect(after.errors).toBe(0);
  });
});
