/**
 * The workbook's date system in the Office gateway: a 1904 workbook (Excel for Mac before 2011, and files made there)
 * stores a day's serial 1462 lower than a 1900 one. readSheet reads date cells, and appendTrustRows writes Date
 * values, in the workbook's own system, learnt in the same sync (office/dateSystem.ts: DATE(2000,1,1) through
 * Workbook.functions). Against the fake Excel, whose FakeWorkbook.use1904DateSystem models the option.
 */
import type { CellValue } from "../../src/core/cells";
import { COLUMNS, type ColumnKey } from "../../src/core/columns";
import { serialFromIso, type DateSystem } from "../../src/core/dates";
import { cellFromExcel, sheetDataFromRange } from "../../src/office/grid";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { READ_BLOCK_CELLS } from "../../src/office/readSheet";
import { dateSerial, fakeHost, FakeWorkbook, typedInput } from "./fakeExcel";

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const isoOf = (cell: CellValue | undefined): string => (cell instanceof Date ? cell.toISOString().slice(0, 10) : `not a date: ${String(cell)}`);

function workbook(system: DateSystem): FakeWorkbook {
  const book = new FakeWorkbook();
  book.use1904DateSystem = system === "1904";
  return book;
}

describe("the fake Excel's 1904 date system", () => {
  it("gives DATE(2000,1,1) through workbook.functions in the workbook's system", async () => {
    for (const [system, serial] of [["1900", 36526], ["1904", 35064]] as const) {
      const host = fakeHost(workbook(system));
      const value = await host.run(async (context) => {
        const result = context.workbook.functions.date(2000, 1, 1);
        result.load("value");
        await context.sync();
        return result.value;
      });
      expect(value).toBe(serial);
    }
  });

  it("gives #NUM! and no value for a day before 1904 in the 1904 system", async () => {
    const host = fakeHost(workbook("1904"));
    const result = await host.run(async (context) => {
      const probe = context.workbook.functions.date(1903, 12, 31);
      probe.load(["value", "error"]);
      await context.sync();
      return { value: probe.value, error: probe.error };
    });
    expect(result).toEqual({ value: null, error: "#NUM!" });
  });

  it("types a date written as text as a 1904 serial", async () => {
    expect(dateSerial(1904, 1, 1, "1904")).toBe(0);
    expect(dateSerial(1903, 12, 31, "1904")).toBeNull();
    expect(typedInput("2023-12-31", "1904")).toEqual({ value: 45291 - 1462, numberFormat: "m/d/yyyy" });
    const book = workbook("1904");
    book.addSheet("Trusts");
    await book.userEdit("Trusts", "A1", "1998-07-05");
    expect(book.sheet("Trusts").at("A1")?.value).toBe(34519);
  });
});

describe("cellFromExcel and sheetDataFromRange in a date system", () => {
  it("read a date-formatted serial in the system they are given (1900 unless told)", () => {
    expect(isoOf(cellFromExcel(43829, "Double", "dd/mm/yyyy", "1904"))).toBe("2023-12-31");
    expect(isoOf(cellFromExcel(45291, "Double", "dd/mm/yyyy", "1900"))).toBe("2023-12-31");
    expect(isoOf(cellFromExcel(45291, "Double", "dd/mm/yyyy"))).toBe("2023-12-31");
    // Serial 0 is 1904-01-01 in the 1904 system; in the 1900 system it is no date and stays a number.
    expect(isoOf(cellFromExcel(0, "Double", "dd/mm/yyyy", "1904"))).toBe("1904-01-01");
    expect(cellFromExcel(0, "Double", "dd/mm/yyyy", "1900")).toBe(0);
    expect(cellFromExcel(-1, "Double", "dd/mm/yyyy", "1904")).toBe(-1);
  });

  it("pass the system to every cell", () => {
    const range = { address: "Trusts!A1:B1", values: [[43829, 43829]], valueTypes: [["Double", "Double"]], numberFormat: [["dd/mm/yyyy", "0"]] };
    const data = sheetDataFromRange("Trusts", range, "1904");
    expect(isoOf(data.rows[0]?.[0])).toBe("2023-12-31");
    expect(data.rows[0]?.[1]).toBe(43829);
  });
});

describe("OfficeGateway.readSheet in a 1904 workbook", () => {
  async function readGoLive(system: DateSystem) {
    const book = workbook(system);
    const sheet = book.addSheet("Trusts");
    sheet.seed([["Trust ODS code", "Go-live date"], ["RYJ", null]]);
    sheet.setCell(2, 2, { value: serialFromIso("2023-12-31", system), numberFormat: "dd/mm/yyyy" });
    await book.userEdit("Trusts", "B3", "2019-06-01");
    const host = fakeHost(book);
    const data = await createOfficeGateway(host).readSheet("Trusts");
    return { data, syncs: host.lastSyncs() };
  }

  it("gives the right Date for a date cell, in the same single sync", async () => {
    const { data, syncs } = await readGoLive("1904");
    expect(isoOf(data.rows[1]?.[1])).toBe("2023-12-31");
    expect(isoOf(data.rows[2]?.[1])).toBe("2019-06-01");
    expect(syncs).toBe(1);
  });

  it("is unchanged in a 1900 workbook", async () => {
    const { data, syncs } = await readGoLive("1900");
    expect(isoOf(data.rows[1]?.[1])).toBe("2023-12-31");
    expect(isoOf(data.rows[2]?.[1])).toBe("2019-06-01");
    expect(syncs).toBe(1);
  });

  it("reads the date system in the row-block fallback too", async () => {
    const book = workbook("1904");
    const sheet = book.addSheet("Trusts");
    const serial = serialFromIso("2023-12-31", "1904");
    const rows = READ_BLOCK_CELLS + 1;
    for (let r = 1; r <= rows; r++) sheet.setCell(r, 1, { value: serial, numberFormat: "dd/mm/yyyy" });
    book.maxResponseCells = READ_BLOCK_CELLS; // the whole range is "over 5 MB": read in two blocks
    const host = fakeHost(book);
    const data = await createOfficeGateway(host).readSheet("Trusts");
    expect(host.contexts).toHaveLength(2);
    expect(host.lastSyncs()).toBe(3);
    expect(data.rows).toHaveLength(rows);
    expect(isoOf(data.rows[0]?.[0])).toBe("2023-12-31");
    expect(isoOf(data.rows[rows - 1]?.[0])).toBe("2023-12-31");
  });
});

describe("OfficeGateway.appendTrustRows in a 1904 workbook", () => {
  const row = (values: Partial<Record<ColumnKey, CellValue>>): CellValue[] => COLUMNS.map((c) => values[c.key] ?? null);
  const trust = row({ trustCode: "RYJ", trustName: "Trust 1", trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: day("2019-06-01"), plan: "Keep" });
  const goLiveColumn = COLUMNS.findIndex((c) => c.key === "goLiveDate") + 1;

  async function append(system: DateSystem) {
    const book = workbook(system);
    const sheet = book.addSheet("Trusts");
    sheet.seed([COLUMNS.map((c) => c.header)]);
    sheet.tables.push({ name: "Trusts", range: `A1:T2`, hasHeaders: true });
    book.tableNames.push("Trusts");
    const host = fakeHost(book);
    const gateway = createOfficeGateway(host);
    await gateway.appendTrustRows("Trusts", [trust, trust], {});
    const syncs = host.lastSyncs();
    const read = await gateway.readSheet("Trusts");
    return { written: [sheet.cell(2, goLiveColumn), sheet.cell(3, goLiveColumn)], syncs, read };
  }

  it("writes a Date as the 1904 serial of its day, under a date format, in the same number of syncs", async () => {
    const { written, syncs, read } = await append("1904");
    for (const cell of written) expect(cell).toMatchObject({ value: serialFromIso("2019-06-01") - 1462, numberFormat: "dd/mm/yyyy" });
    expect(syncs).toBe(4);
    // And reads back as the same day.
    expect(isoOf(read.rows[1]?.[goLiveColumn - 1])).toBe("2019-06-01");
    expect(isoOf(read.rows[2]?.[goLiveColumn - 1])).toBe("2019-06-01");
  });

  it("is unchanged in a 1900 workbook", async () => {
    const { written, syncs, read } = await append("1900");
    for (const cell of written) expect(cell).toMatchObject({ value: serialFromIso("2019-06-01"), numberFormat: "dd/mm/yyyy" });
    expect(syncs).toBe(4);
    expect(isoOf(read.rows[2]?.[goLiveColumn - 1])).toBe("2019-06-01");
  });
});
