import type { CellValue, SheetData } from "../../src/core/cells";
import { readIcsSheet, submissionDateFor } from "../../src/core/ics";
import { IcsDetailsSchema } from "../../src/core/schema";

const icsSheet = (rows: CellValue[][]): SheetData => ({ name: "ICS", firstRow: 1, firstCol: 1, rows });

describe("readIcsSheet", () => {
  it("reads the template's labels from column A and values from column B", () => {
    const result = readIcsSheet(icsSheet([
      ["ICS name", "North East and North Cumbria"],
      ["ICB ODS code", "QHM"],
      ["Contact name", "Jo Bloggs"],
      ["Contact email", "jo.bloggs@nhs.net"],
      ["Submission date", new Date(Date.UTC(2023, 10, 30))],
      ["Target profile", "mar-2026"],
    ]));
    expect(result.details).toEqual({
      icsName: "North East and North Cumbria", icbCode: "QHM", contactName: "Jo Bloggs", contactEmail: "jo.bloggs@nhs.net",
      submissionDate: "2023-11-30", targetProfile: "mar-2026",
    });
    expect(result.issues).toEqual([]);
  });

  it("matches labels ignoring case, spaces and punctuation, skipping other rows", () => {
    const result = readIcsSheet(icsSheet([
      ["Please fill in the details below"],
      ["ics NAME:", "Somewhere"],
      ["icb-ods-code", "qe1"],
      ["SUBMISSION  DATE", "30/11/2023"],
      ["__proto__", "x"],
      ["constructor", "y"],
    ]));
    expect(result.details).toMatchObject({ icsName: "Somewhere", icbCode: "QE1", submissionDate: "2023-11-30", contactName: null, targetProfile: null });
    expect(result.issues).toEqual([
      expect.objectContaining({ sheet: "ICS", cell: "B3", row: 3, column: null, code: "non_canonical", severity: "warning", value: "qe1", replacement: "QE1" }),
    ]);
  });

  it("rejects an ICB code of the wrong form with invalid_code", () => {
    const result = readIcsSheet(icsSheet([["ICB ODS code", "RYJ"]]));
    expect(result.details.icbCode).toBeNull();
    expect(result.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(["B1 invalid_code error"]);
    expect(result.issues[0]?.message).toContain("Q followed by two letters or digits");
  });

  it("warns (inconsistent) about an email address of the wrong form but keeps it", () => {
    const result = readIcsSheet(icsSheet([["Contact email", "jo.bloggs at nhs"]]));
    expect(result.details.contactEmail).toBe("jo.bloggs at nhs");
    expect(result.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(["B1 inconsistent warning"]);
  });

  it("reads the submission date with the date rules", () => {
    expect(readIcsSheet(icsSheet([["Submission date", 45260]])).details.submissionDate).toBe("2023-11-30");
    const month = readIcsSheet(icsSheet([["Submission date", "Nov 2023"]]));
    expect(month.details.submissionDate).toBe("2023-11-30");
    expect(month.issues.map((i) => i.code)).toEqual(["imprecise_date"]);
    const bad = readIcsSheet(icsSheet([["Submission date", "11/31/2023"]]));
    expect(bad.details.submissionDate).toBeNull();
    expect(bad.issues.map((i) => i.code)).toEqual(["invalid_date"]);
  });

  it("accepts the two target profiles, loosely spelled with non_canonical, else invalid_enum", () => {
    expect(readIcsSheet(icsSheet([["Target profile", "dec-2023"]])).details.targetProfile).toBe("dec-2023");
    const loose = readIcsSheet(icsSheet([["Target profile", "MAR 2026"]]));
    expect(loose.details.targetProfile).toBe("mar-2026");
    expect(loose.issues.map((i) => i.code)).toEqual(["non_canonical"]);
    const bad = readIcsSheet(icsSheet([["Target profile", "jun-2025"]]));
    expect(bad.details.targetProfile).toBeNull();
    expect(bad.issues.map((i) => `${i.code} ${i.severity}`)).toEqual(["invalid_enum error"]);
  });

  it("treats placeholders as blank with a warning (every ICS field is optional)", () => {
    const result = readIcsSheet(icsSheet([["Contact name", "TBC"]]));
    expect(result.details.contactName).toBeNull();
    expect(result.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(["B1 placeholder warning"]);
  });

  it("gives all-null details for an empty sheet, valid against the schema", () => {
    const result = readIcsSheet(icsSheet([]));
    expect(IcsDetailsSchema.parse(result.details)).toEqual({
      icsName: null, icbCode: null, contactName: null, contactEmail: null, submissionDate: null, targetProfile: null,
    });
  });

  it("uses the first row carrying a label, and issues come in row order", () => {
    const result = readIcsSheet(icsSheet([["Contact email", "bad"], ["ICB ODS code", "X"], ["Contact email", "good@nhs.net"]]));
    expect(result.details.contactEmail).toBe("bad");
    expect(result.issues.map((i) => i.row)).toEqual([1, 2]);
  });
});

describe("readIcsSheet: the region", () => {
  it("reads each NHS England region, ignoring case, spaces and punctuation (non_canonical when not as listed)", () => {
    expect(readIcsSheet(icsSheet([["Region", "North East and Yorkshire"]]))).toMatchObject({ region: "North East and Yorkshire", issues: [] });
    const lower = readIcsSheet(icsSheet([["region", "  london "]]));
    expect(lower.region).toBe("London");
    expect(lower.issues.map((i) => `${i.cell} ${i.code} ${i.severity} ${i.replacement ?? ""}`)).toEqual(["B1 non_canonical warning London"]);
    expect(readIcsSheet(icsSheet([["NHS region", "North East & Yorkshire"]])).region).toBe("North East and Yorkshire");
  });

  it("warns about anything else (the return then counts in no region), and keeps it out of the ICS details", () => {
    const result = readIcsSheet(icsSheet([["ICS name", "Somewhere"], ["Region", "Yorkshire"]]));
    expect(result.region).toBeNull();
    expect(result.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(["B2 invalid_enum warning"]);
    expect(result.issues[0]?.message).toMatch(/^Region: “Yorkshire” is not one of the NHS England regions, so a national report counts this return in no region; use one of East of England, London, Midlands, /);
    expect(Object.keys(result.details)).not.toContain("region");
  });

  it("is null when not given, and blank or a placeholder counts as not given", () => {
    expect(readIcsSheet(icsSheet([["ICS name", "Somewhere"]])).region).toBeNull();
    expect(readIcsSheet(icsSheet([["Region", null]])).region).toBeNull();
    const tbc = readIcsSheet(icsSheet([["Region", "TBC"]]));
    expect([tbc.region, tbc.issues.map((i) => i.code)]).toEqual([null, ["placeholder"]]);
  });
});

describe("submissionDateFor", () => {
  const details = (submissionDate: string | null) => ({ icsName: null, icbCode: null, contactName: null, contactEmail: null, submissionDate, targetProfile: null });

  it("takes, first found: the ICS sheet's date, the command line's, today", () => {
    expect(submissionDateFor(details("2023-11-30"), "2023-12-15", "2024-01-01")).toBe("2023-11-30");
    expect(submissionDateFor(details(null), "2023-12-15", "2024-01-01")).toBe("2023-12-15");
    expect(submissionDateFor(null, "2023-12-15", "2024-01-01")).toBe("2023-12-15");
    expect(submissionDateFor(null, undefined, "2024-01-01")).toBe("2024-01-01");
    expect(submissionDateFor(details(null), undefined, "2024-01-01")).toBe("2024-01-01");
  });
});
