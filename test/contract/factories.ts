/**
 * One factory per WorkbookGateway implementation, for the contract suite (gateway.contract.test.ts). Each builds,
 * in its host's own terms, a workbook holding the given sheets, and hands back a gateway over it:
 *   office  OfficeGateway over the hand-written fake Excel (test/office/fakeExcel.ts), through a fake OfficeHost;
 *   xlsx    XlsxGateway over an ExcelJS.Workbook built in memory;
 *   fake    FakeGateway (test/ui/fakeGateway.ts), the task pane tests' fake.
 * Each also says how its host reports a user's edit (userEdit), so the suite can see onSheetChanged listeners
 * being called (and no longer called) on every gateway, the Office one included, and what number format a cell has
 * (numberFormat), which no gateway method reads.
 *
 * The fake Excel raises Worksheet.onChanged itself (test/office/fakeExcel.ts, FakeWorkbook.raiseChanged): a change of
 * cell data, through the API or a user's edit (FakeWorkbook.userEdit), made while the add-in's events are on
 * (runtime.enableEvents, book.eventsEnabled) calls the sheet's handlers after the batch; one made while they are off
 * raises nothing. So the suite can see that the gateway's own writes raise no onChanged in Excel.
 */
import ExcelJS from "exceljs";
import type { WorkbookGateway } from "../../src/app/gateway";
import { isErrorValue, parseAddress, type CellValue } from "../../src/core/cells";
import { parseRangeBounds } from "../../src/core/sheet/addresses";
import { DATE_FORMAT } from "../../src/core/template/layout";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { OfficeGateway } from "../../src/office/officeGateway";
import { fakeHost, FakeWorkbook, type FakeCell } from "../office/fakeExcel";
import { FakeGateway } from "../ui/fakeGateway";

export type Visibility = "visible" | "hidden" | "veryHidden";

/** A sheet to build: its cells from A1 (null: blank), its visibility, and its table if it has one. */
export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Default "visible". */
  readonly visibility?: Visibility;
  /** The sheet's table (header row first) as an A1 range, e.g. "A1:C3"; the header cells come from `rows`. */
  readonly table?: string;
}

export interface ContractWorkbook {
  readonly gateway: WorkbookGateway;
  /** A user's edit in the host: the cell changes and the host tells the gateway, as it would (not a gateway method). */
  userEdit(sheet: string, address: string, value: string | number): Promise<void>;
  /**
   * The cell's number format as the host holds it ("General" for none): what the user sees a value by. The gateway
   * has no method for it (readSheet gives values, dates as Date), so the suite asks the host, as it does for userEdit.
   */
  numberFormat(sheet: string, address: string): string;
}

export type GatewayName = "office" | "xlsx" | "fake";

export interface GatewayFactory {
  readonly name: GatewayName;
  readonly label: string;
  create(sheets: readonly SheetSpec[]): Promise<ContractWorkbook>;
}

function eachCell(sheet: SheetSpec, visit: (row: number, col: number, value: CellValue) => void): void {
  sheet.rows.forEach((cells, r) => cells.forEach((value, c) => value !== null && visit(r + 1, c + 1, value)));
}

function tableBounds(sheet: SheetSpec): NonNullable<ReturnType<typeof parseRangeBounds>> | null {
  if (sheet.table === undefined) return null;
  const bounds = parseRangeBounds(sheet.table);
  if (!bounds) throw new Error(`bad table range ${sheet.table}`);
  return bounds;
}

function headersOf(sheet: SheetSpec, bounds: NonNullable<ReturnType<typeof parseRangeBounds>>): string[] {
  const header = sheet.rows[bounds.firstRow - 1] ?? [];
  return Array.from({ length: bounds.lastCol - bounds.firstCol + 1 }, (_, j) => {
    const value = header[bounds.firstCol - 1 + j];
    if (typeof value !== "string" || value === "") throw new Error(`table ${sheet.table ?? ""} on ${sheet.name}: header cells must be text`);
    return value;
  });
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A cell as the fake Excel holds it: a date is a serial with a date format, an error its code. */
function fakeExcelCell(value: CellValue): Partial<FakeCell> {
  if (value instanceof Date) return { value: (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000, numberFormat: DATE_FORMAT };
  if (isErrorValue(value)) return { value: null, error: value.code };
  return { value };
}

const OFFICE_VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

export const officeFactory: GatewayFactory = {
  name: "office",
  label: "OfficeGateway (over the fake Excel)",
  async create(sheets) {
    const book = new FakeWorkbook();
    for (const spec of sheets) {
      const sheet = book.addSheet(spec.name);
      sheet.visibility = OFFICE_VISIBILITY[spec.visibility ?? "visible"];
      eachCell(spec, (row, col, value) => sheet.setCell(row, col, fakeExcelCell(value)));
      const bounds = tableBounds(spec);
      if (bounds && spec.table !== undefined) {
        headersOf(spec, bounds);
        book.addTable(spec.name, spec.table);
      }
    }
    const gateway = new OfficeGateway(fakeHost(book));
    return {
      gateway,
      async userEdit(name, address, value) {
        const cell = parseAddress(address);
        if (!cell) throw new Error(`bad address ${address}`);
        // Excel raises Worksheet.onChanged for a user's edit (events are on outside the add-in's own writes).
        if (!book.eventsEnabled) throw new Error("the add-in left Excel's events off");
        await book.userEdit(name, address, value);
      },
      numberFormat: (sheet, address) => book.sheet(sheet).at(address)?.numberFormat ?? "General",
    };
  },
};

function excelValue(value: CellValue): ExcelJS.CellValue {
  if (isErrorValue(value)) return { error: value.code as ExcelJS.CellErrorValue["error"] };
  return value;
}

export const xlsxFactory: GatewayFactory = {
  name: "xlsx",
  label: "XlsxGateway (over exceljs)",
  async create(sheets) {
    const workbook = new ExcelJS.Workbook();
    for (const spec of sheets) {
      const ws = workbook.addWorksheet(spec.name, { state: spec.visibility ?? "visible" });
      const bounds = tableBounds(spec);
      if (bounds) {
        // exceljs writes a table's header and rows into the cells itself; the loop below writes the same values.
        const rows = Array.from({ length: bounds.lastRow - bounds.firstRow }, (_, i) =>
          Array.from({ length: bounds.lastCol - bounds.firstCol + 1 }, (_, j) => excelValue(spec.rows[bounds.firstRow + i]?.[bounds.firstCol - 1 + j] ?? null)),
        );
        ws.addTable({
          name: `Table${workbook.worksheets.length}`,
          ref: spec.table?.split(":")[0] ?? "A1",
          headerRow: true,
          columns: headersOf(spec, bounds).map((name) => ({ name, filterButton: true })),
          rows,
        });
      }
      eachCell(spec, (row, col, value) => {
        const cell = ws.getCell(row, col);
        cell.value = excelValue(value);
        if (value instanceof Date) cell.numFmt = DATE_FORMAT;
      });
    }
    const gateway = new XlsxGateway(workbook);
    return {
      gateway,
      async userEdit(name, address, value) {
        const ws = workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
        if (!ws) throw new Error(`no sheet ${name}`);
        ws.getCell(address).value = value;
        // The workbench grid reports its own edits so.
        gateway.notifyEdited(name);
      },
      numberFormat(sheet, address) {
        const ws = workbook.worksheets.find((w) => w.name === sheet);
        if (!ws) throw new Error(`no sheet ${sheet}`);
        const format: unknown = ws.getCell(address).numFmt;
        return typeof format === "string" && format !== "" ? format : "General";
      },
    };
  },
};

export const fakeFactory: GatewayFactory = {
  name: "fake",
  label: "FakeGateway (the task pane tests' fake)",
  async create(sheets) {
    const gateway = new FakeGateway();
    for (const spec of sheets) {
      const rows = spec.rows.map((r) => [...r]);
      const visibility = spec.visibility ?? "visible";
      gateway.addSheet(spec.name, rows, visibility === "veryHidden" ? "veryHidden" : visibility === "visible", spec.table ?? null);
    }
    return {
      gateway,
      async userEdit(name, address, value) {
        gateway.edit(name, address, value);
      },
      numberFormat: (sheet, address) => gateway.numberFormatAt(sheet, address),
    };
  },
};

export const FACTORIES: readonly GatewayFactory[] = [officeFactory, xlsxFactory, fakeFactory];
