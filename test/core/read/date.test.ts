import { errorValue } from "../../../src/core/cells";
import { parseDateText, parseUkDate, readDate } from "../../../src/core/read";

const day = (iso: string) => ({ state: "value", value: iso, notes: [] });
const imprecise = (iso: string, precision: "month" | "quarter" | "year") => ({
  state: "value", value: iso, notes: [{ code: "imprecise_date", severity: "warning", detail: { iso, precision } }],
});
const invalid = (reason: string) => expect.objectContaining({ state: "invalid", value: null, notes: [expect.objectContaining({ code: "invalid_date", severity: "error", detail: expect.objectContaining({ reason }) })] });
const outOfRange = (reason: string) => ({ state: "invalid", value: null, notes: [{ code: "out_of_range", severity: "error", detail: { reason } }] });

describe("date cells and serials", () => {
  it("reads a Date by its UTC calendar day", () => {
    expect(readDate(new Date(Date.UTC(2023, 11, 31)))).toEqual(day("2023-12-31"));
    expect(readDate(new Date(Date.UTC(2023, 11, 31, 23, 59)))).toEqual(day("2023-12-31"));
  });

  it("rejects an invalid Date object", () => {
    expect(readDate(new Date(Number.NaN))).toEqual(invalid("unreadable"));
  });

  it("reads numbers as Excel 1900-system serials, dropping the time of day", () => {
    expect(readDate(45291)).toEqual(day("2023-12-31"));
    expect(readDate(45292.75)).toEqual(day("2024-01-01"));
    expect(readDate(32874)).toEqual(day("1990-01-01"));
  });

  it("treats serial 60 (Excel's non-existent 29/02/1900) as no date, and 59/61 as real but out of range", () => {
    expect(readDate(60)).toEqual(invalid("bad_serial"));
    expect(readDate(59)).toEqual(outOfRange("before_1990"));
    expect(readDate(61)).toEqual(outOfRange("before_1990"));
    expect(parseUkDate(61)).toMatchObject({ error: "out_of_range" });
  });

  it("rejects serials that are no date", () => {
    expect(readDate(0)).toEqual(invalid("bad_serial"));
    expect(readDate(-5)).toEqual(invalid("bad_serial"));
  });

  it("rejects logical values with invalid_date, and gives an Excel error formula_error alone", () => {
    expect(readDate(true)).toEqual(invalid("unreadable"));
    expect(readDate(errorValue("#VALUE!"))).toEqual({ state: "invalid", value: null, notes: [{ code: "formula_error", severity: "error", detail: { error: "#VALUE!" } }] });
  });

  it("gives the custom functions an Excel error as a problem, not as a blank", () => {
    expect(parseUkDate(errorValue("#N/A"))).toMatchObject({ error: "formula_error", message: expect.stringMatching(/^The cell holds the Excel error #N\/A/) });
  });
});

describe("day forms", () => {
  it.each([
    ["2023-12-31", "2023-12-31"],
    ["31/12/2023", "2023-12-31"],
    ["31/12/23", "2023-12-31"],
    ["31-12-2023", "2023-12-31"],
    ["31.12.2023", "2023-12-31"],
    ["31 Dec 2023", "2023-12-31"],
    ["31 December 2023", "2023-12-31"],
    ["31 dec 23", "2023-12-31"],
    ["31-Dec-2023", "2023-12-31"],
    ["1/2/2024", "2024-02-01"],
    ["  31   Dec 2023 ", "2023-12-31"],
    ["5 Sept 2024", "2024-09-05"],
  ])("reads %p as %s", (text, iso) => {
    expect(readDate(text)).toEqual(day(iso));
  });

  it("reads two-digit years as 20yy", () => {
    expect(readDate("01/04/90")).toEqual(outOfRange("after_2040"));
    expect(readDate("01/04/24")).toEqual(day("2024-04-01"));
    expect(readDate("Mar-26")).toEqual(imprecise("2026-03-31", "month"));
  });

  it("knows 29 February: 2024 is a leap year, 2023 is not", () => {
    expect(readDate("29/02/2024")).toEqual(day("2024-02-29"));
    expect(readDate("2024-02-29")).toEqual(day("2024-02-29"));
    expect(readDate("29/02/2023")).toEqual(invalid("no_such_day"));
    expect(readDate("29 Feb 2023")).toEqual(invalid("no_such_day"));
  });

  it("rejects 31/02/2023 as no such day", () => {
    expect(readDate("31/02/2023")).toEqual(invalid("no_such_day"));
  });

  it("rejects 12/31/2023 (American order) and suggests the UK form", () => {
    expect(readDate("12/31/2023")).toEqual({
      state: "invalid", value: null,
      notes: [{ code: "invalid_date", severity: "error", detail: { reason: "us_order", suggestion: "2023-12-31" } }],
    });
  });

  it.each(["next spring", "31/12", "2023", "31/13/2023", "45291", "Decembre 2023", "32/01/2023", "2023-13-01", "2023/12"])("rejects %p", (text) => {
    expect(readDate(text).notes[0]?.code).toBe("invalid_date");
  });
});

describe("date-times and times of day (a date-time is its date; a time of day alone is not a date)", () => {
  it.each([
    ["31/12/2023 14:30", "2023-12-31"],
    ["2023-12-31 00:00:00", "2023-12-31"],
    ["2023-12-31T23:59:59.999Z", "2023-12-31"],
    ["2023-12-31T10:00:00+01:00", "2023-12-31"],
    ["31 Dec 2023 2:30 pm", "2023-12-31"],
    ["31/12/23 9:05", "2023-12-31"],
  ])("reads %p as its day", (text, iso) => {
    expect(readDate(text)).toEqual(day(iso));
  });

  it("keeps the day's own problem: no such day, or the American order", () => {
    expect(readDate("31/02/2023 10:00")).toEqual(invalid("no_such_day"));
    expect(readDate("12/31/2023 10:00")).toEqual(invalid("us_order"));
    expect(readDate("1989-12-31 10:00")).toEqual(outOfRange("before_1990"));
  });

  it.each(["10:30", "14:30:00", "Dec 2023 10:30", "2023/24 10:30", "31/12/2023 25", "31/12/2023 at 10:30"])("does not read %p as a date", (text) => {
    expect(readDate(text)).toEqual(invalid("unreadable"));
  });

  it("does not read a time-of-day serial (below 1) as a date", () => {
    expect(readDate(0.4375)).toEqual(invalid("bad_serial"));
  });
});

describe("month, quarter and financial-year forms", () => {
  it.each([
    ["Dec 2023", "2023-12-31"],
    ["December 2023", "2023-12-31"],
    ["Dec-23", "2023-12-31"],
    ["12/2023", "2023-12-31"],
    ["2023-12", "2023-12-31"],
    ["Feb 2024", "2024-02-29"],
    ["2/2023", "2023-02-28"],
  ])("reads month %p as the last day, %s", (text, iso) => {
    expect(readDate(text)).toEqual(imprecise(iso, "month"));
  });

  it.each([
    ["Q1 2024/25", "2024-06-30"],
    ["Q2 2024/25", "2024-09-30"],
    ["Q3 2023/24", "2023-12-31"],
    ["Q4 2023/24", "2024-03-31"],
    ["q3 2023/2024", "2023-12-31"],
    ["Q3 FY2023/24", "2023-12-31"],
    ["2023/24 Q4", "2024-03-31"],
  ])("reads NHS financial quarter %p as %s", (text, iso) => {
    expect(readDate(text)).toEqual(imprecise(iso, "quarter"));
  });

  it.each([
    ["Q3 2023", "2023-09-30"],
    ["Q1 2024", "2024-03-31"],
    ["Q4 2023", "2023-12-31"],
  ])("reads calendar quarter %p as %s", (text, iso) => {
    expect(readDate(text)).toEqual(imprecise(iso, "quarter"));
  });

  it.each([
    ["2023/24", "2024-03-31"],
    ["2023/2024", "2024-03-31"],
    ["FY 2025/26", "2026-03-31"],
    ["2023-24", "2024-03-31"],
  ])("reads financial year %p as %s", (text, iso) => {
    expect(readDate(text)).toEqual(imprecise(iso, "year"));
  });

  it("rejects financial years whose halves are not consecutive", () => {
    expect(readDate("2023/25").notes[0]?.code).toBe("invalid_date");
    expect(readDate("Q3 2023/25").notes[0]?.code).toBe("invalid_date");
    expect(readDate("Q5 2023").notes[0]?.code).toBe("invalid_date");
  });
});

describe("the 1990–2040 range", () => {
  it("accepts both ends and rejects a day beyond either", () => {
    expect(readDate("1990-01-01")).toEqual(day("1990-01-01"));
    expect(readDate("2040-12-31")).toEqual(day("2040-12-31"));
    expect(readDate("31/12/1989")).toEqual(outOfRange("before_1990"));
    expect(readDate("01/01/2041")).toEqual(outOfRange("after_2040"));
    expect(readDate("Jan 2041")).toEqual(outOfRange("after_2040"));
  });
});

describe("parseUkDate (custom functions)", () => {
  it("gives the day and precision", () => {
    expect(parseUkDate("31/12/2023")).toEqual({ iso: "2023-12-31", precision: "day" });
    expect(parseUkDate("Dec-23")).toEqual({ iso: "2023-12-31", precision: "month" });
    expect(parseUkDate("Q3 2023/24")).toEqual({ iso: "2023-12-31", precision: "quarter" });
    expect(parseUkDate("2023/24")).toEqual({ iso: "2024-03-31", precision: "year" });
    expect(parseUkDate(45291)).toEqual({ iso: "2023-12-31", precision: "day" });
  });

  it("gives null for blanks and placeholders", () => {
    expect(parseUkDate(null)).toBeNull();
    expect(parseUkDate("  ")).toBeNull();
    expect(parseUkDate("TBC")).toBeNull();
  });

  it("gives the error code and a message for a bad date", () => {
    const bad = parseUkDate("12/31/2023");
    expect(bad).toEqual({ error: "invalid_date", message: expect.stringContaining("31/12/2023") });
    const early = parseUkDate("1989-12-31");
    expect(early).toEqual({ error: "out_of_range", message: expect.stringMatching(/^“1989-12-31” is before 1 Jan 1990/) });
  });
});

describe("parseDateText", () => {
  it("reports the precision of each form", () => {
    expect(parseDateText("31 Dec 2023")).toEqual({ ok: true, iso: "2023-12-31", precision: "day" });
    expect(parseDateText("nonsense")).toEqual({ ok: false, reason: "unreadable" });
  });
});
