/** OfficeGateway.appendTrustRows against the fake Excel: table rows, the Source column, dates, sync counts. */
import type { CellValue } from "../../src/core/cells";
import { COLUMNS, type ColumnKey } from "../../src/core/columns";
import { serialFromIso } from "../../src/core/dates";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { fakeHost, FakeWorkbook, type FakeHost, type FakeWorksheet } from "./fakeExcel";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function row(values: Partial<Record<ColumnKey, CellValue>>): CellValue[] {
  return COLUMNS.map((c) => values[c.key] ?? null);
}

const trust = (i: number): CellValue[] =>
  row({ trustCode: `R${String(i % 100).padStart(2, "0")}`, trustName: `Trust ${i}`, trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: day("2019-06-01"), plan: "Keep", totalCost: 1000 + i });

/** A Trusts sheet like the template's after insertion: headers in row 1, a table A1:T2 whose row 2 is blank. */
function templateLike(): { host: FakeHost; sheet: FakeWorksheet } {
  const book = new FakeWorkbook();
  const sheet = book.addSheet("Trusts");
  sheet.seed([COLUMNS.map((c) => c.header)]);
  sheet.tables.push({ name: "Trusts", range: "A1:T2", hasHeaders: true });
  book.tableNames.push("Trusts");
  return { host: fakeHost(book), sheet };
}

describe("OfficeGateway.appendTrustRows", () => {
  it("takes the same number of syncs for 10 rows and for 1,000", async () => {
    const small = templateLike();
    await createOfficeGateway(small.host).appendTrustRows("Trusts", Array.from({ length: 10 }, (_, i) => trust(i)), { sources: Array.from({ length: 10 }, () => "a") });
    const large = templateLike();
    await createOfficeGateway(large.host).appendTrustRows("Trusts", Array.from({ length: 1000 }, (_, i) => trust(i)), { sources: Array.from({ length: 1000 }, () => "a") });
    expect(small.host.lastSyncs()).toBe(4);
    expect(large.host.lastSyncs()).toBe(small.host.lastSyncs());
    // One rows.add for the 999 rows after the blank template row, not one per row.
    expect(large.host.lastContext().log.filter((l) => l.includes("addRows"))).toEqual(["sync3:addRows:999"]);
    expect(large.sheet.tables[0]?.range).toBe("A1:U1001");
  });

  it("fills the blank row, adds the Source column, and writes dates as serials with a date format", async () => {
    const { host, sheet } = templateLike();
    const appended = await createOfficeGateway(host).appendTrustRows("Trusts", [trust(1), trust(2)], { sources: ["north.xlsx › Trusts › row 2", "=not a formula"] });
    expect(appended).toEqual({ firstRow: 2, lastRow: 3, sourceColumnAdded: true, sourceColumn: 21 });
    expect(sheet.at("U1")?.value).toBe("Source");
    expect(sheet.at("A2")?.value).toBe("R01");
    expect(sheet.at("A3")?.value).toBe("R02");
    expect(sheet.at("U2")?.value).toBe("north.xlsx › Trusts › row 2");
    // Text that Excel would take for a formula keeps its text prefix (Excel holds the prefix apart from the text).
    expect(sheet.at("U3")).toMatchObject({ value: "=not a formula", formula: undefined, quotePrefix: true });
    expect(sheet.at("G3")).toMatchObject({ value: serialFromIso("2019-06-01"), numberFormat: "dd/mm/yyyy" });
    // Only date cells get a date format: the money column keeps its own.
    expect(sheet.at("P3")?.numberFormat).toBeUndefined();
    expect(sheet.tables[0]?.range).toBe("A1:U3");
    // Events are paused during the writes and turned back on.
    expect(host.book.eventsEnabled).toBe(true);
  });

  it("reuses an existing Source column and appends after the last filled row", async () => {
    const { host, sheet } = templateLike();
    sheet.setCell(1, 21, { value: "Source" });
    sheet.setCell(2, 1, { value: "RYJ" });
    sheet.tables[0] = { name: "Trusts", range: "A1:U2", hasHeaders: true };
    const appended = await createOfficeGateway(host).appendTrustRows("Trusts", [trust(5)], { sources: ["b"] });
    expect(appended).toEqual({ firstRow: 3, lastRow: 3, sourceColumnAdded: false, sourceColumn: 21 });
    expect(sheet.at("A2")?.value).toBe("RYJ");
    expect(sheet.at("U3")?.value).toBe("b");
    expect(host.lastContext().log.some((l) => l.includes("addColumn"))).toBe(false);
  });

  it("says so when the sheet has no table, and refuses values outside the table", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Notes");
    const gateway = createOfficeGateway(fakeHost(book));
    await expect(gateway.appendTrustRows("Notes", [trust(1)], {})).rejects.toThrow(/has no table/);
    const { host, sheet } = templateLike();
    await expect(createOfficeGateway(host).appendTrustRows("Trusts", [[...trust(1), null, "stray"]], {})).rejects.toThrow(/column V, outside the table/);
    expect(sheet.at("A2")).toBeUndefined();
  });
});
