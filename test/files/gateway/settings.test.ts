import { asciiJson, SETTING_PIECE_CHARS, splitPieces } from "../../../src/app/settings/settingsSheet";
import { SETTINGS_SHEET } from "../../../src/files/gateway/sheets";
import { XlsxGateway } from "../../../src/files/gateway/xlsxGateway";
import { openUserWorkbook, reopen, sheetOf } from "./helpers";

describe("XlsxGateway settings", () => {
  it("survive save → open, on a veryHidden sheet the gateway's callers never see", async () => {
    const gateway = await openUserWorkbook();
    expect(await gateway.loadSetting("eprReturn.profile")).toBeUndefined();
    await gateway.saveSetting("eprReturn.profile", { profile: "mar-2026", weights: [1, 2] });
    await gateway.saveSetting("eprReturn.mapping", "Trusts");
    const reopened = await reopen(gateway);
    expect(await reopened.loadSetting("eprReturn.profile")).toEqual({ profile: "mar-2026", weights: [1, 2] });
    expect(await reopened.loadSetting("eprReturn.mapping")).toBe("Trusts");
    expect(sheetOf(reopened, SETTINGS_SHEET).state).toBe("veryHidden");
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual(["Trusts", "Notes"]);
    await expect(reopened.readSheet(SETTINGS_SHEET)).rejects.toThrow("no sheet named");
    await expect(reopened.writeCells(SETTINGS_SHEET, [{ address: "A1", value: 1 }])).rejects.toThrow("no sheet named");
  });

  it("overwrites a key in place and removes it when saved as undefined or null", async () => {
    const gateway = XlsxGateway.blank();
    await gateway.saveSetting("a", 1);
    await gateway.saveSetting("b", [true, "x"]);
    await gateway.saveSetting("a", { n: 2 });
    expect(sheetOf(gateway, SETTINGS_SHEET).rowCount).toBe(2);
    await gateway.saveSetting("a", undefined);
    await gateway.saveSetting("b", null);
    const reopened = await reopen(gateway);
    expect(await reopened.loadSetting("a")).toBeUndefined();
    expect(await reopened.loadSetting("b")).toBeUndefined();
  });

  it("keeps a long value with any characters, across several cells", async () => {
    const gateway = XlsxGateway.blank();
    // Long enough to cross JSZip's 16K-character encoding slices, which split raw surrogate pairs.
    const long = { text: "£é😀".repeat(30_000) };
    await gateway.saveSetting("long", long);
    const reopened = await reopen(gateway);
    // Compared as one boolean: a failing diff of 100,000 characters helps nobody.
    expect(JSON.stringify(await reopened.loadSetting("long")) === JSON.stringify(long)).toBe(true);
    const row = sheetOf(reopened, SETTINGS_SHEET).getRow(1);
    expect(row.cellCount).toBeGreaterThan(3);
    row.eachCell((cell) => expect(String(cell.value).length).toBeLessThanOrEqual(32_767));
    // A shorter value afterwards leaves no old pieces behind.
    await reopened.saveSetting("long", "short");
    expect(await (await reopen(reopened)).loadSetting("long")).toBe("short");
  });

  it("stores JSON in ASCII pieces that each fit a cell", () => {
    const json = JSON.stringify({ name: "£é😀" });
    expect(asciiJson(json)).toBe('{"name":"\\u00a3\\u00e9\\ud83d\\ude00"}');
    expect(JSON.parse(asciiJson(json))).toEqual({ name: "£é😀" });
    expect(splitPieces("abcdefg", 3)).toEqual(["abc", "def", "g"]);
    expect(SETTING_PIECE_CHARS).toBeLessThanOrEqual(32_767);
  });

  it("reads a damaged value as no value, and refuses a value that is not JSON", async () => {
    const gateway = XlsxGateway.blank();
    await gateway.saveSetting("k", { ok: true });
    sheetOf(gateway, SETTINGS_SHEET).getCell("B1").value = "{not json";
    expect(await gateway.loadSetting("k")).toBeUndefined();
    await expect(gateway.saveSetting("f", () => 1)).rejects.toThrow('"f" cannot be stored');
  });
});
