import { errorValue } from "../../../src/core/cells";
import { readIcbCode, readTrustCode } from "../../../src/core/read";

describe("trust codes", () => {
  it.each(["RYJ", "R1H", "TAJ", "R0A"])("accepts %s", (code) => {
    expect(readTrustCode(code)).toEqual({ state: "value", value: code, notes: [] });
  });

  it("upper-cases lower case with non_canonical", () => {
    expect(readTrustCode("ryj")).toEqual({
      state: "value", value: "RYJ", notes: [{ code: "non_canonical", severity: "warning", detail: { canonical: "RYJ" } }],
    });
    expect(readTrustCode(" r1h ").value).toBe("R1H");
  });

  it.each(["RYJ1", "QE1", "R-1", "RY", "ABC", "R 1H", "RYJ00"])("rejects %s with invalid_code", (code) => {
    expect(readTrustCode(code)).toEqual({
      state: "invalid", value: null, notes: [{ code: "invalid_code", severity: "error", detail: { form: "trust" } }],
    });
  });

  it("rejects numbers, logical values and error values", () => {
    expect(readTrustCode(123).state).toBe("invalid");
    expect(readTrustCode(true).state).toBe("invalid");
    expect(readTrustCode(errorValue("#N/A")).state).toBe("invalid");
  });

  it("leaves blanks and placeholders to the required rule", () => {
    expect(readTrustCode(null).state).toBe("blank");
    expect(readTrustCode("TBC").state).toBe("placeholder");
  });
});

describe("ICB codes", () => {
  it("accepts Q + two letters or digits; lower case with non_canonical; else invalid_code", () => {
    expect(readIcbCode("QE1").value).toBe("QE1");
    expect(readIcbCode("qe1").notes[0]).toMatchObject({ code: "non_canonical", detail: { canonical: "QE1" } });
    expect(readIcbCode("RYJ").notes[0]).toMatchObject({ code: "invalid_code", detail: { form: "icb" } });
  });
});
