/** The EPR.* custom functions: each one's success path, and its bad arguments giving the right error code. */
import { associations, ErrorCode, StubCustomFunctionsError } from "./customFunctionsStub";
import { serialFromIso } from "../../src/core/dates";
import {
  convergenceScore,
  coverage,
  distinctSystems,
  effectiveSystems,
  financialQuarter,
  hhi,
  normalizeSupplierName,
  parseDate,
} from "../../src/functions/functions";

const DEC_31_2023 = serialFromIso("2023-12-31");

/** Asserts that a result is a CustomFunctions.Error with this code, and returns its message. */
function expectError(result: unknown, code: string): string {
  expect(result).toBeInstanceOf(StubCustomFunctionsError);
  const error = result as StubCustomFunctionsError;
  expect(error.code).toBe(code);
  expect(error.message).toEqual(expect.any(String));
  return error.message ?? "";
}

/** A column range as Excel passes it: one row per cell. */
const column = (...cells: unknown[]): unknown[][] => cells.map((cell) => [cell]);

describe("EPR.NORMALIZESUPPLIER", () => {
  it("gives the canonical name for a canonical spelling or an alias", () => {
    expect(normalizeSupplierName("Epic")).toBe("Epic");
    expect(normalizeSupplierName("Cerner")).toBe("Oracle Health");
    expect(normalizeSupplierName("  lorenzo ")).toBe("Dedalus");
    expect(normalizeSupplierName("tpp systmone")).toBe("TPP");
  });

  it("gives blank for a blank cell", () => {
    expect(normalizeSupplierName("")).toBe("");
    expect(normalizeSupplierName(null)).toBe("");
  });

  it("gives #N/A for a name that matches no supplier", () => {
    expect(expectError(normalizeSupplierName("Acme EPR"), ErrorCode.notAvailable)).toContain('"Acme EPR" is not a known EPR supplier');
  });

  it("gives #VALUE! for a number", () => {
    expectError(normalizeSupplierName(42), ErrorCode.invalidValue);
  });

  it("passes an error value from its argument through", () => {
    const incoming = new StubCustomFunctionsError(ErrorCode.invalidReference, "gone");
    expect(normalizeSupplierName(incoming)).toBe(incoming);
  });
});

describe("EPR.DISTINCT", () => {
  it("counts suppliers after mapping aliases, skipping blanks, placeholders and unknown names", () => {
    expect(distinctSystems(column("Cerner", "Oracle Health", "Epic", "", null, "TBC", "Nonsense"))).toBe(2);
  });

  it("reads a row range the same as a column range", () => {
    expect(distinctSystems([["Epic", "Medway", "System C", "EMIS Web"]])).toBe(3);
  });

  it("gives 0 for a range with no supplier", () => {
    expect(distinctSystems(column("", ""))).toBe(0);
  });
});

describe("EPR.HHI, EPR.EFFECTIVE and EPR.CONVERGENCE", () => {
  // Epic 2, Oracle Health 1, System C 1: HHI = 0.25 + 0.0625 + 0.0625.
  const systems = column("Epic", "Epic", "Cerner", "System C");

  it("measure concentration without weights", () => {
    expect(hhi(systems)).toBeCloseTo(0.375, 12);
    expect(effectiveSystems(systems)).toBeCloseTo(1 / 0.375, 12);
    expect(convergenceScore(systems)).toBeCloseTo((100 * (4 - 1 / 0.375)) / 3, 12);
  });

  it("give one EPR across the ICS a score of 100", () => {
    const one = column("Epic", "EpicCare", "Epic Systems");
    expect(hhi(one)).toBe(1);
    expect(effectiveSystems(one)).toBe(1);
    expect(convergenceScore(one)).toBe(100);
  });

  it("weight trusts by the weights range", () => {
    // Epic 100 + 300, Oracle Health 400, System C 200: shares 0.4, 0.4, 0.2.
    const beds = column(100, 300, 400, 200);
    expect(hhi(systems, beds)).toBeCloseTo(0.36, 12);
    expect(effectiveSystems(systems, beds)).toBeCloseTo(1 / 0.36, 12);
  });

  it("treat a weights argument Excel passes as null (omitted) as unweighted", () => {
    expect(hhi(systems, null as unknown as undefined)).toBeCloseTo(0.375, 12);
  });

  it("give #VALUE! when the weights do not line up with the systems", () => {
    const message = expectError(hhi(systems, column(1, 2, 3)), ErrorCode.invalidValue);
    expect(message).toBe("weights has 3 cell(s) but systems has 4: give one weight per trust, in the same order");
    expectError(effectiveSystems(systems, column(1)), ErrorCode.invalidValue);
    expectError(convergenceScore(systems, column(1, 2, 3, 4, 5)), ErrorCode.invalidValue);
  });
});

describe("EPR.COVERAGE", () => {
  it("counts a Live trust by its go-live date", () => {
    expect(coverage("Live", serialFromIso("2023-03-15"), "", DEC_31_2023)).toBe("installed");
  });

  it("counts an Implementing trust not yet live as implementing, in any spelling of the status", () => {
    expect(coverage("implementing", "01/06/2024", "", "31/12/2023")).toBe("implementing");
  });

  it("uses the target go-live date for a trust still procuring", () => {
    expect(coverage("Procuring", "", "Q4 2025/26", "31/03/2026")).toBe("installed");
    expect(coverage("Procuring", "", "Q4 2025/26", "30/03/2026")).toBe("not covered");
  });

  it("measures at 31/12/2023 when asOf is omitted", () => {
    expect(coverage("Live", "31/12/2023", "")).toBe("installed");
    expect(coverage("Live", "01/01/2024", "")).toBe("implementing");
  });

  it("treats a placeholder status as blank", () => {
    expect(coverage("TBC", "", "", DEC_31_2023)).toBe("not covered");
  });

  it("gives #VALUE! for a status that is not one", () => {
    expect(expectError(coverage("Sort of", "", "", DEC_31_2023), ErrorCode.invalidValue)).toMatch(/^status "Sort of" is not an EPR status: use Live, /);
  });

  it("gives #VALUE! naming the date argument that cannot be read", () => {
    expect(expectError(coverage("Live", "31/02/2023", "", DEC_31_2023), ErrorCode.invalidValue)).toMatch(/^goLive: /);
    expect(expectError(coverage("Procuring", "", "someday", DEC_31_2023), ErrorCode.invalidValue)).toMatch(/^targetGoLive: /);
    expect(expectError(coverage("Live", "", "", "12/31/2023"), ErrorCode.invalidValue)).toMatch(/^asOf: /);
  });
});

describe("EPR.PARSEDATE", () => {
  it("gives the Excel serial of a UK date in any of its forms", () => {
    expect(parseDate("31/12/2023")).toBe(DEC_31_2023);
    expect(parseDate("31 December 2023")).toBe(DEC_31_2023);
    expect(parseDate("2023-12-31")).toBe(DEC_31_2023);
  });

  it("gives the last day of a month, quarter or financial year", () => {
    expect(parseDate("Dec 2023")).toBe(DEC_31_2023);
    expect(parseDate("Q3 2023/24")).toBe(DEC_31_2023);
    expect(parseDate("2023/24")).toBe(serialFromIso("2024-03-31"));
  });

  it("passes an Excel date (a serial) through", () => {
    expect(parseDate(DEC_31_2023)).toBe(DEC_31_2023);
  });

  it("gives blank for a blank cell or a placeholder", () => {
    expect(parseDate("")).toBe("");
    expect(parseDate("TBC")).toBe("");
  });

  it("gives #VALUE! for text that is no UK date, or a date out of range", () => {
    expectError(parseDate("12/31/2023"), ErrorCode.invalidValue);
    expectError(parseDate("31/02/2023"), ErrorCode.invalidValue);
    expectError(parseDate("01/01/1980"), ErrorCode.invalidValue);
    expectError(parseDate(true), ErrorCode.invalidValue);
  });
});

describe("EPR.FYQUARTER", () => {
  it("gives the NHS financial-year quarter of a serial or of date text", () => {
    expect(financialQuarter(DEC_31_2023)).toBe("Q3 2023/24");
    expect(financialQuarter("1 April 2024")).toBe("Q1 2024/25");
    expect(financialQuarter("31/03/2024")).toBe("Q4 2023/24");
  });

  it("gives blank for a blank cell", () => {
    expect(financialQuarter(null)).toBe("");
  });

  it("gives #VALUE! for something that is no date", () => {
    expectError(financialQuarter("next spring"), ErrorCode.invalidValue);
  });
});

describe("registration", () => {
  it("registers nothing from the module itself: the build appends the associate calls", () => {
    expect(associations.size).toBe(0);
  });
});
