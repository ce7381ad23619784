/** What typing into the workbench grid stores: what UK Excel stores for the same keys. */
import { cellText } from "../../src/workbench/gridModel";
import { typedValue } from "../../src/workbench/typedValue";

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe("typedValue, as Excel with a UK locale", () => {
  test("blank clears the cell", () => {
    expect(typedValue("")).toBeNull();
    expect(typedValue("   ")).toBeNull();
  });

  test("a number typed is a number: signs, decimals, thousands commas, exponents, £, % and brackets", () => {
    expect(typedValue(" 42 ")).toBe(42);
    expect(typedValue("-1.5")).toBe(-1.5);
    expect(typedValue("+7")).toBe(7);
    expect(typedValue(".5")).toBe(0.5);
    expect(typedValue("1,234,567.25")).toBe(1_234_567.25);
    expect(typedValue("1e3")).toBe(1000);
    expect(typedValue("£52,100,000")).toBe(52_100_000);
    expect(typedValue("-£5")).toBe(-5);
    expect(typedValue("£-5")).toBe(-5);
    expect(typedValue("50%")).toBe(0.5);
    expect(typedValue("(1,000)")).toBe(-1000);
    // Eight digits are a number, as in Excel (the pane's date boxes read 31032025 as a day; a cell does not).
    expect(typedValue("31032025")).toBe(31_032_025);
    expect(typedValue("007")).toBe(7);
  });

  test("what only looks like a number stays text, as typed", () => {
    for (const text of ["£18m", "£1.2m", "1,00", "12,34", "1.2.3", "--5", "-£-5", "(-5)", "£", "-", "about 40", "9m", "1 000"]) {
      expect({ text, value: typedValue(text) }).toEqual({ text, value: text });
    }
  });

  test("a whole day typed day first (/ or -, two- or four-digit year), year first, or with the month's name is a date", () => {
    expect(typedValue("31/03/2025")).toEqual(day("2025-03-31"));
    expect(typedValue("31/3/25")).toEqual(day("2025-03-31"));
    expect(typedValue("31-03-2025")).toEqual(day("2025-03-31"));
    expect(typedValue("1-4-19")).toEqual(day("2019-04-01"));
    expect(typedValue("2025-03-31")).toEqual(day("2025-03-31"));
    expect(typedValue("2025/3/31")).toEqual(day("2025-03-31"));
    expect(typedValue("31 Mar 2025")).toEqual(day("2025-03-31"));
    expect(typedValue("31-mar-25")).toEqual(day("2025-03-31"));
    expect(typedValue("1 September 2023")).toEqual(day("2023-09-01"));
    // Two-digit years as Excel reads them: up to 29 in this century, from 30 in the last.
    expect(typedValue("01/01/29")).toEqual(day("2029-01-01"));
    expect(typedValue("01/01/30")).toEqual(day("1930-01-01"));
    // A date the return's rules will refuse is still a date: the core's reading rules judge it, not the grid.
    expect(typedValue("01/01/2045")).toEqual(day("2045-01-01"));
  });

  test("what is no whole UK day stays text, for the core's reading rules to judge", () => {
    // Month first (UK Excel keeps it as text too; the core offers to swap it), no such day, Excel's calendar before
    // 1900, separators mixed or dotted, a month or a quarter only, a day with no year.
    for (const text of ["12/31/2019", "31/02/2025", "29/02/2023", "01/01/1899", "31/03-2025", "31.03.2025", "Mar 2025", "Q3 2025/26", "2023/24", "31/03", "31 Foo 2025", "31/03/2025 14:30"]) {
      expect({ text, value: typedValue(text) }).toEqual({ text, value: text });
    }
    expect(typedValue("29/02/2024")).toEqual(day("2024-02-29"));
  });

  test("TRUE and FALSE are logical values; an apostrophe keeps what follows as text; anything else is the text as typed", () => {
    expect(typedValue("true")).toBe(true);
    expect(typedValue(" FALSE ")).toBe(false);
    expect(typedValue("'007")).toBe("007");
    expect(typedValue("'31/03/2025")).toBe("31/03/2025");
    expect(typedValue("RZ2")).toBe("RZ2");
    expect(typedValue(" Dale Valley ")).toBe(" Dale Valley ");
    expect(typedValue("=SUM(A1:A3)")).toBe("=SUM(A1:A3)");
  });

  test("a date the grid shows, typed back unchanged, is the same day", () => {
    for (const iso of ["2019-10-01", "2031-09-30", "2024-02-29"]) {
      const shown = cellText(day(iso));
      expect({ shown, value: typedValue(shown) }).toEqual({ shown, value: day(iso) });
    }
  });
});
