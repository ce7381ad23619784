import { errorValue } from "../../../src/core/cells";
import { readMoney, readWholeNumber } from "../../../src/core/read";

const asText = (amount: number, expected: "money" | "whole") => ({
  state: "value", value: amount, notes: [{ code: "number_as_text", severity: "warning", detail: { amount, expected } }],
});
const invalidNumber = (expected: "money" | "whole") => ({
  state: "invalid", value: null, notes: [{ code: "invalid_number", severity: "error", detail: { expected } }],
});
const negative = { state: "invalid", value: null, notes: [{ code: "out_of_range", severity: "error", detail: { reason: "negative" } }] };

describe("money", () => {
  it("reads numbers as they are", () => {
    expect(readMoney(1200000)).toEqual({ state: "value", value: 1200000, notes: [] });
    expect(readMoney(0)).toEqual({ state: "value", value: 0, notes: [] });
    expect(readMoney(1234.56)).toEqual({ state: "value", value: 1234.56, notes: [] });
  });

  it.each([
    ["£1,200,000", 1200000],
    ["1.2m", 1200000],
    ["£500k", 500000],
    ["2bn", 2000000000],
    ["1,200,000.50", 1200000.5],
    ["£ 1.1M", 1100000],
    ["3 million", 3000000],
    ["250000", 250000],
    ["GBP 300", 300],
    ["0.5bn", 500000000],
  ])("reads text %p as %d with number_as_text", (text, amount) => {
    expect(readMoney(text)).toEqual(asText(amount, "money"));
  });

  it("rejects negatives with out_of_range, as numbers or text", () => {
    expect(readMoney(-1)).toEqual(negative);
    expect(readMoney("-£500")).toEqual(negative);
    expect(readMoney("£-2m")).toEqual(negative);
  });

  it.each(["lots", "£1,20,000", "1.2.3", "1,2", "£", "m", "12 apples"])("rejects %p with invalid_number", (text) => {
    expect(readMoney(text)).toEqual(invalidNumber("money"));
  });

  it("rejects logical values and dates, and gives an Excel error formula_error alone", () => {
    expect(readMoney(errorValue("#DIV/0!"))).toEqual({ state: "invalid", value: null, notes: [{ code: "formula_error", severity: "error", detail: { error: "#DIV/0!" } }] });
    expect(readMoney(true)).toEqual(invalidNumber("money"));
    expect(readMoney(new Date(Date.UTC(2024, 0, 1)))).toEqual(invalidNumber("money"));
  });

  it("leaves blanks and placeholders alone", () => {
    expect(readMoney(null).state).toBe("blank");
    expect(readMoney("TBC").state).toBe("placeholder");
  });
});

describe("beds", () => {
  it("accepts whole numbers of 0 or more", () => {
    expect(readWholeNumber(0)).toEqual({ state: "value", value: 0, notes: [] });
    expect(readWholeNumber(1250)).toEqual({ state: "value", value: 1250, notes: [] });
  });

  it("reads digits typed as text with number_as_text", () => {
    expect(readWholeNumber("1,250")).toEqual(asText(1250, "whole"));
    expect(readWholeNumber("450")).toEqual(asText(450, "whole"));
  });

  it.each([-1, 12.5, "12.5", "-3", "many", true])("rejects %p with invalid_number", (cell) => {
    expect(readWholeNumber(cell)).toEqual(invalidNumber("whole"));
  });

  it("gives an Excel error formula_error alone", () => {
    expect(readWholeNumber(errorValue("#NAME?"))).toEqual({ state: "invalid", value: null, notes: [{ code: "formula_error", severity: "error", detail: { error: "#NAME?" } }] });
  });
});
