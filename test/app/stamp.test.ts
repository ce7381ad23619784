/** The validation stamp (src/app/stamp.ts) over the exceljs gateway: stamping, refusing, verifying. */
import type ExcelJS from "exceljs";
import { checkReturn, type CheckedReturn } from "../../src/app/checkReturn";
import { describeStampChanges, readReturnStamp, stampReturn, verifyReturn } from "../../src/app/stamp";
import { STAMP_SHEET, StampReadError, type Stamp, type StampComparison } from "../../src/core/stamp";
import type { TrustRow } from "../../src/core/schema";
import { XlsxGateway } from "../../src/files/gateway/xlsxGateway";
import { mergedWorkbook } from "../../src/files/mergeWorkbook";
import { writeIcsDetails } from "../../src/files/writeRows";
import { loadExcelJs } from "../helpers/excelJsModel";

const TODAY = "2023-11-15";
const NOW = new Date("2023-11-15T09:30:00Z");

const blank: Omit<TrustRow, "row" | "trustCode" | "trustName"> = {
  trustType: "Acute", eprStatus: "Live", supplier: "Epic", product: null, goLiveDate: "2019-06-01", contractEndDate: null,
  plan: "Keep", targetSupplier: null, targetGoLiveDate: null, businessCaseStage: null, procurementStartDate: null,
  contractAwardDate: null, fundingModel: null, totalCost: null, localFunding: null, nationalFunding: null, beds: 400, notes: null,
};
const trust = (row: number, trustCode: string, trustName: string): TrustRow => ({ ...blank, row, trustCode, trustName });

/** A template workbook holding three valid trust rows and ICS details. */
function returnWorkbook(): ExcelJS.Workbook {
  const wb = mergedWorkbook([
    { source: "a.xlsx › Trusts", trust: trust(2, "RYJ", "Imperial") },
    { source: "a.xlsx › Trusts", trust: trust(3, "R1H", "Barts") },
    { source: "b.xlsx › Trusts", trust: trust(2, "RJZ", "King's") },
  ]);
  writeIcsDetails(wb, { icsName: "North ICS", icbCode: "QE1", contactName: null, contactEmail: null, submissionDate: "2023-11-15", targetProfile: "dec-2023" });
  return wb;
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadExcelJs(new Uint8Array(await wb.xlsx.writeBuffer()));
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no ${name} sheet`);
  return ws;
}
const trustsSheet = (wb: ExcelJS.Workbook) => sheet(wb, "Trusts");

jest.setTimeout(60_000);

type Outcome = { readonly stamped: true; readonly stamp: Stamp; readonly validation: CheckedReturn } | { readonly stamped: false; readonly validation: CheckedReturn };

/** What `epr-return stamp` and the Stamp view do: check, and stamp only without errors. */
async function stampWorkbook(wb: ExcelJS.Workbook, { today, now }: { today: string; now: Date }): Promise<Outcome> {
  const gateway = new XlsxGateway(wb);
  const validation = await checkReturn(gateway, { today });
  if (validation.errors > 0) return { stamped: false, validation };
  return { stamped: true, stamp: await stampReturn(gateway, validation, now), validation };
}

const verifyWorkbook = (wb: ExcelJS.Workbook) => verifyReturn(new XlsxGateway(wb));

async function readStamp(wb: ExcelJS.Workbook): Promise<Stamp | null> {
  const gateway = new XlsxGateway(wb);
  return readReturnStamp(gateway, await gateway.listSheets());
}

describe("stampReturn", () => {
  it("writes a very hidden stamp sheet that reads back after saving", async () => {
    const wb = returnWorkbook();
    const outcome = await stampWorkbook(wb, { today: TODAY, now: NOW });
    if (!outcome.stamped) throw new Error("expected a stamp");
    const saved = await roundTrip(wb);
    expect(saved.getWorksheet(STAMP_SHEET)?.state).toBe("veryHidden");
    expect(await readStamp(saved)).toEqual(outcome.stamp);
    expect(outcome.stamp.rows.map((r) => [r.row, r.trustCode])).toEqual([[2, "RYJ"], [3, "R1H"], [4, "RJZ"]]);
    expect(outcome.stamp.sheet).toBe("Trusts");
    // The Source column is the one warning (unknown_column) until headers.ts knows it.
    expect(outcome.stamp.warnings).toBe(outcome.validation.warnings);
  });

  it("refuses a return with errors and leaves the workbook without a stamp", async () => {
    const wb = returnWorkbook();
    trustsSheet(wb).getCell("D3").value = "Sort of live";
    const outcome = await stampWorkbook(wb, { today: TODAY, now: NOW });
    expect(outcome.stamped).toBe(false);
    expect(outcome.validation.errors).toBeGreaterThan(0);
    expect(wb.getWorksheet(STAMP_SHEET)).toBeUndefined();
  });

  it("counts the ICS sheet's errors too", async () => {
    const wb = returnWorkbook();
    sheet(wb, "ICS").getCell("B5").value = "31/02/2023";
    expect((await stampWorkbook(wb, { today: TODAY, now: NOW })).stamped).toBe(false);
  });

  it("replaces an earlier stamp rather than adding a second sheet", async () => {
    const wb = returnWorkbook();
    await stampWorkbook(wb, { today: TODAY, now: NOW });
    trustsSheet(wb).getCell("B2").value = "Imperial College Healthcare";
    const again = await stampWorkbook(wb, { today: TODAY, now: new Date("2023-11-16T10:00:00Z") });
    expect(wb.worksheets.filter((ws) => ws.name === STAMP_SHEET)).toHaveLength(1);
    expect((await readStamp(wb))?.stampedAt).toBe("2023-11-16T10:00:00.000Z");
    expect((await verifyWorkbook(await roundTrip(wb))).status).toBe("match");
    expect(again.stamped).toBe(true);
  });

  it("never picks the stamp sheet as the return's sheet", async () => {
    const wb = returnWorkbook();
    await stampWorkbook(wb, { today: TODAY, now: NOW });
    wb.removeWorksheet(trustsSheet(wb).id);
    expect((await checkReturn(new XlsxGateway(wb), { today: TODAY })).sheet.name).not.toBe(STAMP_SHEET);
  });
});

describe("verifyReturn", () => {
  async function stamped(): Promise<ExcelJS.Workbook> {
    const wb = returnWorkbook();
    await stampWorkbook(wb, { today: TODAY, now: NOW });
    return roundTrip(wb);
  }

  it("matches an untouched stamped workbook", async () => {
    expect(await verifyWorkbook(await stamped())).toMatchObject({ status: "match", changedRows: [], addedRows: [], removedRows: [] });
  });

  it("names the row whose cell changed", async () => {
    const wb = await stamped();
    trustsSheet(wb).getCell("S3").value = 401;
    const result = await verifyWorkbook(wb);
    expect(result.status).toBe("changed");
    if (result.status === "unstamped") return;
    expect(result.changedRows).toEqual([{ row: 3, trustCode: "R1H", stampedRow: 3, stampedTrustCode: "R1H", fields: [{ key: "beds", now: 401 }] }]);
    expect(describeStampChanges(result)).toEqual(["Row 3 (R1H): Beds changed (now 401)"]);
  });

  it("ignores a change that does not change the canonical data (an alias for the same supplier)", async () => {
    const wb = await stamped();
    trustsSheet(wb).getCell("E2").value = "EpicCare";
    expect((await verifyWorkbook(wb)).status).toBe("match");
  });

  it("says when there is no stamp", async () => {
    expect(await verifyWorkbook(returnWorkbook())).toEqual({ status: "unstamped" });
  });

  it("counts every row removed when the stamped sheet is gone", async () => {
    const wb = await stamped();
    wb.removeWorksheet(trustsSheet(wb).id);
    const result = await verifyWorkbook(wb);
    if (result.status === "unstamped") throw new Error("expected a stamp");
    expect(result).toMatchObject({ status: "changed", sheetMissing: true });
    expect(result.removedRows.map((r) => r.trustCode)).toEqual(["RYJ", "R1H", "RJZ"]);
  });

  it("rejects a stamp sheet edited by hand", async () => {
    const wb = await stamped();
    sheet(wb, STAMP_SHEET).getCell("B8").value = "not a hash";
    await expect(verifyWorkbook(wb)).rejects.toThrow(StampReadError);
    const cut = await stamped();
    sheet(cut, STAMP_SHEET).spliceRows(14, 1);
    await expect(verifyWorkbook(cut)).rejects.toThrow("lists 2 rows, not the 3");
  });
});

describe("describeStampChanges", () => {
  const none: Omit<StampComparison, "status"> = { changedRows: [], addedRows: [], removedRows: [], icsChanged: false, icsFields: null, orderChanged: false };

  it("names each changed field with its value now, the UK way", () => {
    const lines = describeStampChanges({
      ...none,
      changedRows: [{
        row: 3, trustCode: "RZ2", stampedRow: 3, stampedTrustCode: "RZ2",
        fields: [{ key: "targetGoLiveDate", now: "2025-06-30" }, { key: "totalCost", now: 5_200_000 }, { key: "notes", now: null }],
      }],
      icsChanged: true,
      icsFields: [{ key: "submissionDate", now: "2023-11-30" }, { key: "contactName", now: "A. Person" }],
    });
    expect(lines).toEqual([
      "ICS details: Submission date changed (now 30 Nov 2023), Contact name changed (now “A. Person”)",
      "Row 3 (RZ2): Target go-live date changed (now 30 Jun 2025), Total cost (£) changed (now £5,200,000), Notes changed (now blank)",
    ]);
  });

  it("says when the stamp cannot tell which field changed, and where a row was when stamped", () => {
    const lines = describeStampChanges({
      ...none,
      changedRows: [{ row: 4, trustCode: "R1K", stampedRow: 3, stampedTrustCode: "R1H", fields: null }],
      addedRows: [{ row: 9, trustCode: null }],
      removedRows: [{ row: 5, trustCode: "RAL" }],
      icsChanged: true,
      orderChanged: true,
    });
    expect(lines).toEqual([
      "The ICS details changed",
      "Row 4 (R1K): changed (the stamp cannot tell which value); stamped as row 3 (R1H)",
      "Row 9: added",
      "RAL (was row 5): removed",
      "The rows are in a different order",
    ]);
  });

  it("shows a long or odd value bounded, its controls visible", () => {
    const [line] = describeStampChanges({ ...none, changedRows: [{ row: 2, trustCode: "RYJ", stampedRow: 2, stampedTrustCode: "RYJ", fields: [{ key: "notes", now: `\u202e${"x".repeat(500)}` }] }] });
    expect(line).toContain("<U+202E>");
    expect(line?.length).toBeLessThan(120);
  });
});
