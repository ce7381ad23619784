import { exportCsv, exportJson, csvText } from "../../../src/core/export";
import { COLUMNS, COLUMN_KEYS } from "../../../src/core/columns";
import type { IcsDetails, TrustRow } from "../../../src/core/schema";

function trust(overrides: Partial<TrustRow> = {}): TrustRow {
  return {
    row: 2, trustCode: "RYJ", trustName: "Imperial College Healthcare", trustType: "Acute", eprStatus: "Live",
    supplier: "Oracle Health", product: "Millennium", goLiveDate: "2021-05-01", contractEndDate: null, plan: "Keep",
    targetSupplier: null, targetGoLiveDate: null, businessCaseStage: null, procurementStartDate: null,
    contractAwardDate: null, fundingModel: null, totalCost: 1200000, localFunding: 600000.5, nationalFunding: 0,
    beds: 1100, notes: null, ...overrides,
  };
}

const ics: IcsDetails = {
  icsName: "North West London", icbCode: "QRV", contactName: null, contactEmail: null,
  submissionDate: "2023-06-30", targetProfile: "dec-2023",
};

/** Splits CSV text into records of fields, honouring quotes (a minimal RFC 4180 reader for the assertions). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { record.push(field); field = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { record.push(field); records.push(record); record = []; field = ""; i++; }
    else field += ch;
  }
  if (field !== "" || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

describe("exportCsv", () => {
  it("starts with a byte-order mark and ends every line with CRLF", () => {
    const csv = exportCsv([trust()]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toHaveLength(3); // header, one row, trailing empty
  });

  it("has the template headers in order, then canonical values with ISO dates and plain numbers", () => {
    const [header, row] = parseCsv(exportCsv([trust()]).slice(1));
    expect(header).toEqual(COLUMNS.map((c) => c.header));
    expect(row).toEqual([
      "RYJ", "Imperial College Healthcare", "Acute", "Live", "Oracle Health", "Millennium", "2021-05-01", "",
      "Keep", "", "", "", "", "", "", "1200000", "600000.5", "0", "1100", "",
    ]);
  });

  it("writes numbers unquoted", () => {
    const line = exportCsv([trust()]).split("\r\n")[1] ?? "";
    expect(line).toContain(",1200000,600000.5,0,1100,");
  });

  it("appends ICS name and ICB code columns when ICS details are given", () => {
    const [header, row] = parseCsv(exportCsv([trust()], ics).slice(1));
    expect(header?.slice(-2)).toEqual(["ICS name", "ICB ODS code"]);
    expect(row?.slice(-2)).toEqual(["North West London", "QRV"]);
    expect(row).toHaveLength(22);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ["@SUM(1)", `"'@SUM(1)"`],
    ["-2+3", `"'-2+3"`],
    ["\tx", `"'\tx"`],
    ["\rx", `"'\rx"`],
    ["\nx", `"'\nx"`],
  ])("neutralises the formula in %j", (hostile, expected) => {
    expect(csvText(hostile)).toBe(expected);
    const csv = exportCsv([trust({ notes: hostile, trustName: hostile })]);
    const row = parseCsv(csv.slice(1))[1] ?? [];
    expect(row[1]).toBe(`'${hostile}`);
    expect(row[19]).toBe(`'${hostile}`);
    // No field of the data line starts with a formula trigger once unquoted.
    for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r\n]/);
  });

  it("quotes commas, quotes and newlines so they round-trip", () => {
    const notes = 'Says "go", then waits,\nthen goes';
    const csv = exportCsv([trust({ notes, trustName: "Barts, Health" })]);
    expect(csv).toContain('"Barts, Health"');
    expect(csv).toContain('"Says ""go"", then waits,\nthen goes"');
    const row = parseCsv(csv.slice(1))[1] ?? [];
    expect(row[1]).toBe("Barts, Health");
    expect(row[19]).toBe(notes);
  });

  it("leaves ordinary text unquoted", () => {
    expect(csvText("Oracle Health")).toBe("Oracle Health");
    expect(csvText("Matched 50/50")).toBe("Matched 50/50");
  });

  it("writes only the header for an empty return", () => {
    expect(exportCsv([])).toBe("\uFEFF" + COLUMNS.map((c) => c.header).map(csvText).join(",") + "\r\n");
  });
});

describe("exportJson", () => {
  it("holds ics and trusts keyed by the column keys, without the sheet row", () => {
    const doc: unknown = JSON.parse(exportJson([trust({ notes: "=1+1" })], ics));
    expect(doc).toMatchObject({ format: "epr-return/1", ics });
    const trusts = (doc as { trusts: Record<string, unknown>[] }).trusts;
    expect(trusts).toHaveLength(1);
    expect(Object.keys(trusts[0] ?? {})).toEqual([...COLUMN_KEYS]);
    expect(trusts[0]).toMatchObject({ trustCode: "RYJ", goLiveDate: "2021-05-01", totalCost: 1200000, notes: "=1+1", targetSupplier: null });
  });

  it("gives ics null when there are no ICS details", () => {
    const doc = JSON.parse(exportJson([])) as { ics: unknown; trusts: unknown[] };
    expect(doc.ics).toBeNull();
    expect(doc.trusts).toEqual([]);
  });
});
