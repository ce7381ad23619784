import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CellValue } from "../../../src/core/cells";
import { COLUMNS, type ColumnKey } from "../../../src/core/columns";
import { readIcsSheet } from "../../../src/core/ics";
import { createStamp, stampFromSheet, stampToRows, STAMP_SHEET } from "../../../src/core/stamp";
import { buildTemplate } from "../../../src/core/template/build";
import { validateSheet } from "../../../src/core/validate";
import { XlsxGateway } from "../../../src/files/gateway/xlsxGateway";
import { tempFolder } from "../../core/merge/trustWorkbooks";
import { runCli } from "../../cli/run";
import { reopen, sheetOf } from "./helpers";

jest.setTimeout(60_000);

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function row(values: Partial<Record<ColumnKey, CellValue>>): CellValue[] {
  return COLUMNS.map((c) => values[c.key] ?? null);
}

const live = (code: string, name: string, goLive: string): CellValue[] =>
  row({ trustCode: code, trustName: name, trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: day(goLive), plan: "Keep", beds: 500 });

async function templateGateway(): Promise<XlsxGateway> {
  const gateway = XlsxGateway.blank();
  const spec = buildTemplate();
  await gateway.insertTemplate(spec, await gateway.planTemplate(spec));
  return gateway;
}

function tableRef(gateway: XlsxGateway): string {
  const [table] = sheetOf(gateway, "Trusts").getTables() as unknown[];
  const entry: unknown = Array.isArray(table) ? table[0] : table;
  const model: unknown = typeof entry === "object" && entry !== null ? Reflect.get(entry, "table") : null;
  const ref: unknown = typeof model === "object" && model !== null ? Reflect.get(model, "tableRef") : null;
  if (typeof ref !== "string") throw new Error("no table");
  return ref;
}

describe("XlsxGateway.appendTrustRows", () => {
  it("fills the template's blank row, grows the table, adds Source, and keeps dates as dates after saving", async () => {
    const gateway = await templateGateway();
    const appended = await gateway.appendTrustRows("Trusts", [live("RYJ", "Imperial", "2019-06-01"), live("R1H", "Barts", "2012-10-01")], { sources: ["north.xlsx › Trusts › row 2", "north.xlsx › Trusts › row 3"] });
    expect(appended).toEqual({ firstRow: 2, lastRow: 3, sourceColumnAdded: true, sourceColumn: 21 });

    const reopened = await reopen(gateway);
    expect(tableRef(reopened)).toBe("A1:U3");
    const ws = sheetOf(reopened, "Trusts");
    expect(ws.getCell("U1").value).toBe("Source");
    expect(ws.getCell("U3").value).toBe("north.xlsx › Trusts › row 3");
    expect(ws.getCell("G2").value).toEqual(day("2019-06-01"));
    const result = validateSheet(await reopened.readSheet("Trusts"), { submitted: "2023-11-15" });
    expect(result.errors).toBe(0);
    expect(result.trusts.map((t) => [t.row, t.trustCode, t.goLiveDate])).toEqual([[2, "RYJ", "2019-06-01"], [3, "R1H", "2012-10-01"]]);
  });

  it("tells the change listeners (the grid), not the sheet's listeners (a user's edits only)", async () => {
    const gateway = await templateGateway();
    const sheetChanged = jest.fn();
    const changed = jest.fn();
    await gateway.onSheetChanged("Trusts", sheetChanged);
    gateway.onChange(changed);
    await gateway.appendTrustRows("Trusts", [live("RYJ", "Imperial", "2019-06-01")], {});
    expect(changed).toHaveBeenCalledTimes(1);
    expect(sheetChanged).not.toHaveBeenCalled();
  });

  it("appends after the rows already there, reusing the Source column, on a table read from a file", async () => {
    const first = await templateGateway();
    await first.appendTrustRows("Trusts", [live("RYJ", "Imperial", "2019-06-01")], { sources: ["a"] });
    const gateway = await reopen(first);
    const rows = Array.from({ length: 30 }, (_, i) => live(`R${String(i).padStart(2, "0")}`, `Trust ${i}`, "2020-01-31"));
    const appended = await gateway.appendTrustRows("Trusts", rows, { sources: rows.map((_, i) => `b › row ${i + 2}`) });
    expect(appended).toEqual({ firstRow: 3, lastRow: 32, sourceColumnAdded: false, sourceColumn: 21 });
    const reopened = await reopen(gateway);
    expect(tableRef(reopened)).toBe("A1:U32");
    const ws = sheetOf(reopened, "Trusts");
    // The first row is untouched, the last new row is where it belongs, dates beyond the template's formats too.
    expect(ws.getCell("A2").value).toBe("RYJ");
    expect(ws.getCell("A32").value).toBe("R29");
    expect(ws.getCell("G32").value).toEqual(day("2020-01-31"));
    expect(ws.getCell("G32").numFmt).toBe("dd/mm/yyyy");
  });

  it("refuses values outside the table and a sheet without a table, changing nothing", async () => {
    const gateway = await templateGateway();
    const wide = [...live("RYJ", "Imperial", "2019-06-01"), null, "stray"];
    await expect(gateway.appendTrustRows("Trusts", [wide], {})).rejects.toThrow(/column V, outside the table/);
    expect(sheetOf(gateway, "Trusts").getCell("A2").value).toBeNull();
    await expect(gateway.appendTrustRows("Guidance", [live("RYJ", "Imperial", "2019-06-01")], {})).rejects.toThrow(/has no table/);
  });
});

describe("XlsxGateway.writeStampSheet", () => {
  it("writes a very hidden stamp that readSheet reads back and `epr-return verify` accepts", async () => {
    const gateway = await templateGateway();
    await gateway.appendTrustRows("Trusts", [live("RYJ", "Imperial", "2019-06-01"), live("R1H", "Barts", "2012-10-01")], { sources: ["x", "y"] });
    const read = validateSheet(await gateway.readSheet("Trusts"), { submitted: "2023-11-15" });
    // As the task pane's check reads it: the template's ICS sheet, as `verify` does.
    const ics = readIcsSheet(await gateway.readSheet("ICS")).details;
    const stamp = await createStamp({ sheet: "Trusts", ics, trusts: read.trusts, warnings: read.warnings, stampedAt: new Date("2023-11-15T09:30:00Z") });
    await gateway.writeStampSheet(stampToRows(stamp));
    await gateway.writeStampSheet(stampToRows(stamp));

    const reopened = await reopen(gateway);
    expect(reopened.workbook.worksheets.filter((ws) => ws.name === STAMP_SHEET).map((ws) => ws.state)).toEqual(["veryHidden"]);
    expect(stampFromSheet(await reopened.readSheet(STAMP_SHEET))).toEqual(stamp);

    const folder = await tempFolder("epr-gateway-stamp-");
    try {
      const file = join(folder.dir, "stamped.xlsx");
      await writeFile(file, await reopened.toBuffer());
      const verify = await runCli(["verify", file]);
      expect(verify.stdout).toMatch(/matches its stamp/);
      expect(verify.code).toBe(0);
      sheetOf(reopened, "Trusts").getCell("B3").value = "Barts Health";
      await writeFile(file, await reopened.toBuffer());
      const changed = await runCli(["verify", file]);
      expect(changed.code).toBe(1);
      expect(changed.stdout).toMatch(/Row 3 \(R1H\): Trust name changed \(now “Barts Health”\)/);
    } finally {
      await folder.cleanup();
    }
  });
});
