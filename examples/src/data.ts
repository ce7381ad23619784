/**
 * The shipped examples' contents. The ICS, its trusts and every figure are fictional
 * (codes in the unused RZ range): they show the shapes real returns take, not any real trust's EPR.
 */
import type { CellValue } from "../../src/core/cells";
import type { IcsDetails } from "../../src/core/schema";

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export const CLEAN_ICS: IcsDetails = {
  icsName: "Northshire and Dale ICS",
  icbCode: "QZ1",
  contactName: "Sam Patel",
  contactEmail: "sam.patel@example.nhs.uk",
  submissionDate: "2023-11-15",
  targetProfile: "dec-2023",
};

/** Rows of the template's `Trusts` sheet, columns A..T in template order, canonical spellings. */
export const CLEAN_TRUSTS: CellValue[][] = [
  ["RZ1", "Northshire Teaching Hospitals NHS Foundation Trust", "Acute", "Live", "Epic", "EpicCare", d("2019-10-01"), d("2031-09-30"), "Keep", null, null, null, null, null, "None", null, null, null, 1250, "Single instance since 2019"],
  ["RZ2", "Dale Valley Hospitals NHS Trust", "Acute", "Live", "Dedalus", "Lorenzo", d("2016-06-01"), d("2024-06-30"), "Converge", "Epic", d("2025-11-30"), "OBC", d("2023-04-01"), d("2024-01-31"), "Matched 50/50", 18_000_000, 9_000_000, 9_000_000, 780, "Joins the Northshire Epic instance"],
  ["RZ3", "Northshire Community Health NHS Trust", "Community", "Live", "TPP", "SystmOne", d("2014-03-01"), null, "Interoperate", null, null, null, null, null, "Local only", 400_000, 400_000, null, null, "Shared care record integration"],
  ["RZ4", "Dale and Moor Mental Health NHS Foundation Trust", "Mental health", "Live", "The Access Group", "RiO", d("2012-11-01"), d("2026-10-31"), "Keep", null, null, null, null, null, "None", null, null, null, 420, null],
  ["RZ5", "Moorside Hospital NHS Foundation Trust", "Acute", "Implementing", "Epic", "EpicCare", d("2024-03-01"), d("2034-02-28"), "Keep", null, null, null, d("2021-09-01"), d("2022-12-15"), "Matched 50/50", 24_000_000, 12_000_000, 12_000_000, 650, "Go-live wave 1 in March 2024"],
  ["RZ6", "Dale Coast Ambulance Service NHS Trust", "Ambulance", "Live", "Other", "ePCR Suite", d("2018-05-01"), null, "Keep", null, null, null, null, null, "None", null, null, null, null, null],
  ["RZ7", "Fellside Orthopaedic Hospital NHS Foundation Trust", "Specialist", "No EPR", null, null, null, null, "New EPR", "Nervecentre", d("2025-03-31"), "FBC", d("2023-01-15"), d("2023-09-30"), "Tailored", 6_500_000, 1_500_000, 5_000_000, 120, "Tailored package for a trust with no EPR"],
  ["RZ8", "Moor and Fell Partnership NHS Foundation Trust", "Mental health and community", "Procuring", null, null, null, null, "Converge", "TPP", d("2024-12-31"), "Approved", d("2023-06-01"), d("2024-02-28"), "Matched 50/50", 3_200_000, 1_600_000, 1_600_000, 210, null],
];

/** A trust's own sheet: a title row, other header names, an unknown column, and the usual mistakes. */
export const MESSY_TITLE = "Dale Valley Hospitals - EPR position for the ICS return (DRAFT)";
export const MESSY_HEADERS = [
  "Org code", "Provider name", "Type", "Status", "Vendor", "System name", "Go live", "Contract expiry", "Future plan",
  "Future supplier", "Planned go-live", "Business case status", "Tender date", "Contract award", "Funding route",
  "Cost", "Trust funding", "NHSE funding", "Bed count", "Comments", "RAG",
];
export const MESSY_ROWS: CellValue[][] = [
  ["rz2", "Dale Valley Hospitals NHS Trust", "acute", "Live", "Lorenzo", "Lorenzo", "01/06/2016", "30/06/2024", "converge", "Cerner", "Q3 2025/26", "OBC", "Apr 2023", "31/01/2024", "Matched 50/50", "£18m", "£9,000,000", "9m", 780, "Cerner chosen at OBC", "Amber"],
  ["RZ9", "Dale Valley Children's Hospital", "Specialist", "Live", "TBC", null, "12/31/2019", null, "Keep", null, null, null, null, null, "None", null, null, null, 96, null, "Red"],
  ["RZA", "Dale Valley Rehabilitation Unit", "Community", "No EPR", null, null, null, null, "Keep", null, null, null, null, null, "None", null, null, null, "about 40", "Paper records", "Red"],
  ["RZB", "Dale Valley Eye Hospital", "Specialist", "Business case", null, null, null, null, "New EPR", "Medway", d("2026-06-30"), "SOC", d("2024-05-01"), d("2026-09-01"), "Matched 50/50", 5_000_000, 2_000_000, 2_500_000, 60, null, "Amber"],
  [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ["RZ9", "Dale Valley Children's Hospital (duplicate line)", "Specialist", "Live", "System C", "CareFlow", d("2019-12-31"), null, "Keep", null, null, null, null, null, "None", null, null, null, 96, null, "Green"],
];
