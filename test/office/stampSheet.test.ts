/** OfficeGateway.writeStampSheet against the fake Excel: the core's layout, very hidden, read back by readSheet. */
import { createStamp, stampFromSheet, stampToRows, STAMP_SHEET } from "../../src/core/stamp";
import type { TrustRow } from "../../src/core/schema";
import { createOfficeGateway } from "../../src/office/officeGateway";
import { stampCellInput } from "../../src/office/stampOps";
import { fakeHost, FakeWorkbook } from "./fakeExcel";

const base: Omit<TrustRow, "row" | "trustCode"> = {
  trustName: "A trust", trustType: "Acute", eprStatus: "Live", supplier: "Epic", product: null, goLiveDate: "2019-06-01", contractEndDate: null,
  plan: "Keep", targetSupplier: null, targetGoLiveDate: null, businessCaseStage: null, procurementStartDate: null,
  contractAwardDate: null, fundingModel: null, totalCost: null, localFunding: null, nationalFunding: null, beds: 400, notes: null,
};

async function stampOf(count: number) {
  const trusts = Array.from({ length: count }, (_, i): TrustRow => ({ ...base, row: i + 2, trustCode: `R${String(i % 100).padStart(2, "0")}` }));
  return createStamp({ sheet: "Trusts", ics: null, trusts, warnings: 1, stampedAt: new Date("2023-11-15T09:30:00Z") });
}

describe("OfficeGateway.writeStampSheet", () => {
  it("writes the stamp very hidden in the shared layout, so it reads back as the same stamp", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Trusts");
    const host = fakeHost(book);
    const gateway = createOfficeGateway(host);
    const stamp = await stampOf(3);
    await gateway.writeStampSheet(stampToRows(stamp));
    expect(host.lastSyncs()).toBe(3);
    expect(book.sheet(STAMP_SHEET).visibility).toBe("VeryHidden");
    expect(await gateway.listSheets()).toContainEqual({ name: STAMP_SHEET, visible: false });
    expect(stampFromSheet(await gateway.readSheet(STAMP_SHEET))).toEqual(stamp);
  });

  it("replaces an earlier stamp (no rows of it left over) with the same syncs for 10 and 1,000 rows", async () => {
    const book = new FakeWorkbook();
    const host = fakeHost(book);
    const gateway = createOfficeGateway(host);
    await gateway.writeStampSheet(stampToRows(await stampOf(1000)));
    const large = host.lastSyncs();
    const small = await stampOf(10);
    await gateway.writeStampSheet(stampToRows(small));
    expect(host.lastSyncs()).toBe(large);
    expect(book.sheets.filter((s) => s.name === STAMP_SHEET)).toHaveLength(1);
    expect(stampFromSheet(await gateway.readSheet(STAMP_SHEET))).toEqual(small);
  });

  it("gives every text the text prefix, so it stays text", () => {
    expect(stampCellInput("2023-11-15T09:30:00.000Z")).toBe("'2023-11-15T09:30:00.000Z");
    expect(stampCellInput("1")).toBe("'1");
    expect(stampCellInput("Stamped at")).toBe("'Stamped at");
    expect(stampCellInput(12)).toBe(12);
    expect(stampCellInput(null)).toBe("");
  });
});
