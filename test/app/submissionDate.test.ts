/** The submission date stored with the return: what a stored value reads as, and which date wins. */
import { chooseSubmissionDate, needsStoredDate } from "../../src/app/checkReturn";
import { readStoredSubmissionDate } from "../../src/app/settings/submissionDate";
import type { IcsDetails } from "../../src/core/schema";

function ics(submissionDate: string | null): IcsDetails {
  return { icsName: null, icbCode: null, contactName: null, contactEmail: null, submissionDate, targetProfile: null };
}

describe("readStoredSubmissionDate", () => {
  it("reads a real day written YYYY-MM-DD", () => {
    expect(readStoredSubmissionDate("2025-03-31")).toBe("2025-03-31");
  });

  it.each([
    ["no value", undefined],
    ["a number", 45747],
    ["UK text", "31/03/2025"],
    ["a month", "Mar 2025"],
    ["no such day", "2025-02-30"],
    ["before 1990", "1989-12-31"],
    ["after 2040", "2041-01-01"],
    ["an object", { date: "2025-03-31" }],
  ])("reads %s as none", (_, stored) => {
    expect(readStoredSubmissionDate(stored)).toBeNull();
  });
});

describe("chooseSubmissionDate", () => {
  const today = "2026-11-29";
  it("takes the ICS sheet's date, then --submitted, then the stored date, then today", () => {
    expect(chooseSubmissionDate(ics("2024-06-30"), "2023-11-15", "2025-03-31", today)).toEqual({ date: "2024-06-30", source: "ics" });
    expect(chooseSubmissionDate(ics(null), "2023-11-15", "2025-03-31", today)).toEqual({ date: "2023-11-15", source: "given" });
    expect(chooseSubmissionDate(null, undefined, "2025-03-31", today)).toEqual({ date: "2025-03-31", source: "stored" });
    expect(chooseSubmissionDate(ics(null), undefined, null, today)).toEqual({ date: today, source: "today" });
  });

  it("needs the stored date only when neither the ICS sheet nor --submitted gives one", () => {
    expect(needsStoredDate(null, undefined)).toBe(true);
    expect(needsStoredDate(ics(null), undefined)).toBe(true);
    expect(needsStoredDate(ics("2024-06-30"), undefined)).toBe(false);
    expect(needsStoredDate(null, "2023-11-15")).toBe(false);
  });
});
