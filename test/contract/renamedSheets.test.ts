/**
 * Settings keyed by sheet name after the user renames the sheet, the same in Excel (the Office gateway over the fake
 * Excel) and in the workbench and command line (the exceljs gateway, through saved bytes): checkReturn reads the
 * mapping saved before the rename (adopted: app/settings/mappingSetting.ts), the Columns view's save moves it to the
 * new key, and the marks record drops the old name when it is next written (app/marks.ts).
 */
import ExcelJS from "exceljs";
import { checkReturn } from "../../src/app/checkReturn";
import type { WorkbookGateway } from "../../src/app/gateway";
import { MARKS_SETTING, planMarks } from "../../src/app/marks";
import { mappingSettingKey, saveMapping } from "../../src/app/settings/mappingSetting";
import type { Row } from "../../src/core/cells";
import { detectMapping } from "../../src/core/headers";
import type { ColumnMapping } from "../../src/core/results";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { OfficeGateway } from "../../src/office/officeGateway";
import { fakeHost, FakeWorkbook } from "../office/fakeExcel";
import { openInWorkbench } from "../helpers/readBack";
import { cleanReturn } from "../ui/fixtures";

const TODAY = "2026-11-29";
const MARKS = [{ address: "B2", severity: "error" as const }];

/** The clean return with a supplier header the detection cannot place ("Incumbent"): checked wrongly unless mapped. */
function rows(): Row[] {
  const all = cleanReturn().map((r) => [...r]);
  const header = all[0] ?? [];
  header[header.indexOf("EPR supplier")] = "Incumbent";
  return all;
}

function mapping(): ColumnMapping {
  const detected = detectMapping({ name: "Trusts", rows: rows(), firstRow: 1, firstCol: 1 });
  return { ...detected, headers: detected.headers.map((h) => (h.text === "Incumbent" ? { ...h, key: "supplier" } : h)) };
}

/** One host: a workbook with "Trusts", a way to rename a sheet as the user does there, and a gateway after it. */
interface Host {
  readonly name: string;
  start(): Promise<WorkbookGateway>;
  /** The user renames the sheet (and the workbook is saved and opened again); resolves to a gateway over it. */
  rename(from: string, to: string): Promise<WorkbookGateway>;
}

function officeHost(): Host {
  const book = new FakeWorkbook();
  const host = fakeHost(book);
  return {
    name: "Excel (OfficeGateway over the fake Excel)",
    async start() {
      // The fixture holds text, numbers and blanks only (its dates are text), as the fake's seed takes them.
      book.addSheet("Trusts").seed(rows().map((row) => row.map((v) => (typeof v === "string" || typeof v === "number" ? v : null))));
      return new OfficeGateway(host);
    },
    async rename(from, to) {
      book.sheet(from).name = to;
      book.reopen();
      return new OfficeGateway(host);
    },
  };
}

function xlsxHost(): Host {
  let gateway: XlsxGateway;
  return {
    name: "workbench and command line (XlsxGateway over saved bytes)",
    async start() {
      const workbook = new ExcelJS.Workbook();
      const ws = workbook.addWorksheet("Trusts");
      rows().forEach((row, r) => row.forEach((value, c) => (ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue)));
      gateway = new XlsxGateway(workbook);
      return gateway;
    },
    async rename(from, to) {
      // Saved, opened in the workbench, renamed there as a user renames it in Excel, saved and opened again.
      const saved = await openInWorkbench(await gateway.toBuffer());
      const ws = saved.workbook.getWorksheet(from);
      if (!ws) throw new Error(`no sheet ${from}`);
      ws.name = to;
      gateway = await openInWorkbench(await saved.toBuffer());
      return gateway;
    },
  };
}

describe.each([officeHost, xlsxHost])("after the user renames the sheet", (make) => {
  it(`${make().name}: checkReturn uses the mapping saved before; the next save moves it; the marks record drops the old name`, async () => {
    const host = make();
    const before = await host.start();
    expect((await checkReturn(before, { today: TODAY })).errors).toBeGreaterThan(0);
    await saveMapping(before, "Trusts", mapping());
    await before.markCells("Trusts", MARKS);
    const mapped = await checkReturn(before, { today: TODAY });
    expect(mapped.mapping).toEqual({ mapping: mapping(), source: "saved" });
    expect(mapped.errors).toBe(0);

    const gateway = await host.rename("Trusts", "Trusts 2024");
    const checked = await checkReturn(gateway, { today: TODAY });
    expect(checked.sheet.name).toBe("Trusts 2024");
    expect(checked.mapping).toMatchObject({ mapping: mapping(), source: "saved", adoptedFrom: "Trusts" });
    expect(checked.errors).toBe(0);

    // The Columns view's next save (saveMapping with where the mapping came from) moves it to the new name.
    await saveMapping(gateway, "Trusts 2024", mapping(), checked.mapping.adoptedFrom);
    expect((await gateway.settingKeys()).filter((k) => k.startsWith("mapping:"))).toEqual([mappingSettingKey("Trusts 2024")]);
    expect((await checkReturn(gateway, { today: TODAY })).mapping).toEqual({ mapping: mapping(), source: "saved" });

    // The marks record still names the old sheet until it is written again.
    expect(Object.keys((await gateway.loadSetting(MARKS_SETTING)) as object)).toEqual(["Trusts"]);
    await gateway.markCells("Trusts 2024", MARKS);
    expect(await gateway.loadSetting(MARKS_SETTING)).toEqual({ "Trusts 2024": planMarks(MARKS) });
  });
});
