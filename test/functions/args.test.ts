/** The Office-free argument handling behind the EPR.* functions. */
import { associations, installCustomFunctionsStub, removeCustomFunctionsStub, StubCustomFunctionsError } from "./customFunctionsStub";
import {
  associationTarget,
  dateArg,
  flattenRange,
  invalidValue,
  notAvailable,
  statusArg,
  supplierList,
  toCellValue,
  weightList,
} from "../../src/functions/args";

afterEach(() => {
  installCustomFunctionsStub();
  associations.clear();
});

describe("flattenRange", () => {
  it("reads a range row by row and a single value as a list of one", () => {
    expect(flattenRange([[1, 2], [3, 4]])).toEqual([1, 2, 3, 4]);
    expect(flattenRange("Epic")).toEqual(["Epic"]);
  });
});

describe("toCellValue", () => {
  it("makes blanks null, keeps numbers, text and logical values, and turns Excel errors into error values", () => {
    expect(toCellValue("")).toBeNull();
    expect(toCellValue("   ")).toBeNull();
    expect(toCellValue(undefined)).toBeNull();
    expect(toCellValue(45291)).toBe(45291);
    expect(toCellValue(Number.NaN)).toBeNull();
    expect(toCellValue(" Epic ")).toBe(" Epic ");
    expect(toCellValue(true)).toBe(true);
    expect(toCellValue(new StubCustomFunctionsError("#N/A"))).toEqual({ kind: "error", code: "#N/A" });
  });
});

describe("supplierList", () => {
  it("maps aliases to canonical names and anything unreadable to null", () => {
    expect(supplierList([["Cerner"], ["RiO"], [""], ["TBC"], [7], ["Nobody"]])).toEqual(["Oracle Health", "The Access Group", null, null, null, null]);
  });
});

describe("weightList", () => {
  it("is undefined when omitted, and keeps numbers aligned with the systems", () => {
    expect(weightList(undefined, 3)).toEqual({ value: undefined });
    expect(weightList([[10], [""], ["many"]], 3)).toEqual({ value: [10, null, null] });
  });

  it("is a #VALUE! error when the counts differ", () => {
    const result = weightList([[1], [2]], 3);
    expect("error" in result && result.error.code).toBe("#VALUE!");
  });
});

describe("dateArg and statusArg", () => {
  it("read dates the UK way, with blanks as null", () => {
    expect(dateArg("31/12/2023", "d")).toEqual({ value: "2023-12-31" });
    expect(dateArg("", "d")).toEqual({ value: null });
    const bad = dateArg("31/12/1899", "d");
    expect("error" in bad && bad.error.message).toMatch(/^d: /);
  });

  it("read statuses in any accepted spelling", () => {
    expect(statusArg(" business CASE ")).toEqual({ value: "Business case" });
    expect(statusArg(null)).toEqual({ value: null });
    const bad = statusArg(3);
    expect("error" in bad && bad.error.code).toBe("#VALUE!");
  });
});

describe("errors and registration outside Excel", () => {
  it("build CustomFunctions.Error objects when the runtime is there", () => {
    expect(invalidValue("x")).toBeInstanceOf(StubCustomFunctionsError);
    expect(notAvailable("y")).toEqual(expect.objectContaining({ code: "#N/A", message: "y" }));
  });

  it("build plain errors of the same shape when it is not", () => {
    removeCustomFunctionsStub();
    const error = invalidValue("no runtime");
    expect(error).not.toBeInstanceOf(StubCustomFunctionsError);
    expect(error).toEqual(expect.objectContaining({ code: "#VALUE!", message: "no runtime" }));
  });

  it("associate with the runtime when there is one, and register nothing (without throwing) when not", () => {
    const fn = (): number => 1;
    associationTarget().associate("ONE", fn);
    expect(associations.get("ONE")).toBe(fn);
    removeCustomFunctionsStub();
    expect(() => associationTarget().associate("TWO", fn)).not.toThrow();
    expect(associations.has("TWO")).toBe(false);
  });
});
