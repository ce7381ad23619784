import {
  formatCount, formatDecimal, formatPercent, formatPounds, formatUkDate, formatUkShortDate, readTypedDate,
} from "../../src/ui/format";

describe("UK formatting", () => {
  it("writes dates day first: 31/12/2023 in tables, 31 Dec 2023 in prose", () => {
    expect(formatUkShortDate("2023-12-31")).toBe("31/12/2023");
    expect(formatUkShortDate("2025-03-01")).toBe("01/03/2025");
    expect(formatUkDate("2023-12-31")).toBe("31 Dec 2023");
  });

  it("writes money in pounds, shares as percentages, and numbers to fixed places", () => {
    expect(formatPounds(52_100_000)).toBe("£52,100,000");
    expect(formatPercent(0.625)).toBe("62.5%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.5714, 0)).toBe("57%");
    expect(formatDecimal(57.142857, 1)).toBe("57.1");
    expect(formatDecimal(0.2, 1)).toBe("0.2");
    expect(formatDecimal(5 / 9, 3)).toBe("0.556");
    expect(formatDecimal(1234.56, 1)).toBe("1,234.6");
    expect(formatCount(12_345)).toBe("12,345");
  });
});

describe("readTypedDate", () => {
  it.each([
    ["31/03/2025"], ["31-03-2025"], ["31.03.2025"], ["31032025"], ["31 Mar 2025"], ["31 March 2025"], ["2025-03-31"], ["  31/3/25 "], ["Mar 2025"],
  ])("reads %p as 31 March 2025", (text) => {
    expect(readTypedDate(text)).toEqual({ ok: true, iso: "2025-03-31" });
  });

  it("is null for an empty box", () => {
    expect(readTypedDate("")).toBeNull();
    expect(readTypedDate("   ")).toBeNull();
  });

  it("says why it cannot read a date", () => {
    expect(readTypedDate("soon")).toEqual({ ok: false, message: "Could not read “soon” as a date. Use a date like 31/03/2025." });
    expect(readTypedDate("12/31/2025")).toEqual({ ok: false, message: "Put the day first: did you mean 31/12/2025?" });
    expect(readTypedDate("31/02/2025")).toEqual({ ok: false, message: "There is no such day as “31/02/2025”." });
    expect(readTypedDate("31/03/2125")).toEqual({ ok: false, message: "Use a date from 1 Jan 1990 to 31 Dec 2040." });
    expect(readTypedDate("3103202")).toMatchObject({ ok: false });
  });
});
