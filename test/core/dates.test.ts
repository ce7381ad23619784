/** Serials ↔ ISO dates in Excel's two date systems (1900, the default, and 1904). */
import { convertSerial, DATE_1904_OFFSET, DATE_SYSTEM_PROBE, dateSystemFromProbe, isoFromSerial, serialFromIso } from "../../src/core/dates";

describe("the 1900 date system (the default)", () => {
  it("is unchanged: 2023-12-31 is 45291, and a serial's time of day is dropped", () => {
    expect(serialFromIso("2023-12-31")).toBe(45291);
    expect(serialFromIso("2023-12-31", "1900")).toBe(45291);
    expect(isoFromSerial(45291)).toBe("2023-12-31");
    expect(isoFromSerial(45291.75, "1900")).toBe("2023-12-31");
  });

  it("keeps Excel's fictional 1900-02-29 (serial 60) out, and the days either side of it", () => {
    expect(isoFromSerial(1)).toBe("1900-01-01");
    expect(isoFromSerial(59)).toBe("1900-02-28");
    expect(isoFromSerial(60)).toBeNull();
    expect(isoFromSerial(61)).toBe("1900-03-01");
  });

  it("gives null for what Excel cannot show as a date", () => {
    expect(isoFromSerial(0)).toBeNull();
    expect(isoFromSerial(-1)).toBeNull();
    expect(isoFromSerial(2_958_465)).toBe("9999-12-31");
    expect(isoFromSerial(2_958_466)).toBeNull();
    expect(isoFromSerial(Number.NaN)).toBeNull();
  });
});

describe("the 1904 date system", () => {
  it("counts from 1904-01-01 as serial 0", () => {
    expect(isoFromSerial(0, "1904")).toBe("1904-01-01");
    expect(isoFromSerial(1, "1904")).toBe("1904-01-02");
    expect(serialFromIso("1904-01-01", "1904")).toBe(0);
  });

  it("is the 1900 serial − 1462 for the same day (Microsoft KB 214330: July 5, 1998 is 35981 and 34519)", () => {
    expect(DATE_1904_OFFSET).toBe(1462);
    expect(serialFromIso("1998-07-05", "1900")).toBe(35981);
    expect(serialFromIso("1998-07-05", "1904")).toBe(34519);
    expect(serialFromIso("2023-12-31", "1904")).toBe(45291 - 1462);
    expect(isoFromSerial(45291 - 1462, "1904")).toBe("2023-12-31");
    expect(isoFromSerial(34519.5, "1904")).toBe("1998-07-05");
  });

  it("round-trips every day 1990–2040 in both systems", () => {
    for (let day = Date.UTC(1990, 0, 1); day <= Date.UTC(2040, 11, 31); day += 86_400_000 * 7) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(isoFromSerial(serialFromIso(iso, "1904"), "1904")).toBe(iso);
      expect(isoFromSerial(serialFromIso(iso, "1900"), "1900")).toBe(iso);
    }
  });

  it("gives null before 1904-01-01 and after 9999-12-31", () => {
    expect(isoFromSerial(-1, "1904")).toBeNull();
    expect(isoFromSerial(2_958_465 - 1462, "1904")).toBe("9999-12-31");
    expect(isoFromSerial(2_958_466 - 1462, "1904")).toBeNull();
    expect(isoFromSerial(Number.POSITIVE_INFINITY, "1904")).toBeNull();
  });
});

describe("convertSerial", () => {
  it("moves a serial between the systems, keeping the time of day", () => {
    expect(convertSerial(45291, "1900", "1904")).toBe(43829);
    expect(convertSerial(43829.25, "1904", "1900")).toBe(45291.25);
    expect(convertSerial(45291, "1900", "1900")).toBe(45291);
    expect(convertSerial(Number.NaN, "1904", "1900")).toBeNaN();
  });
});

describe("dateSystemFromProbe", () => {
  it("tells the system from DATE(2000, 1, 1)'s serial", () => {
    expect(DATE_SYSTEM_PROBE).toEqual({ year: 2000, month: 1, day: 1 });
    expect(dateSystemFromProbe(36526)).toBe("1900");
    expect(dateSystemFromProbe(35064)).toBe("1904");
  });

  it("gives null for anything else", () => {
    expect(dateSystemFromProbe(undefined)).toBeNull();
    expect(dateSystemFromProbe(null)).toBeNull();
    expect(dateSystemFromProbe("36526")).toBeNull();
    expect(dateSystemFromProbe(36527)).toBeNull();
  });
});
