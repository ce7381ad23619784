import { errorValue } from "../../../src/core/cells";
import { FUNDING_MODELS, PLANS, STATUSES, SUPPLIER_ALIASES, SUPPLIERS, TRUST_TYPES } from "../../../src/core/enums";
import { normalizeEnum, normalizeSupplier, readEnumValue, readSupplier } from "../../../src/core/read";

describe("enumerations", () => {
  it("accepts every exact canonical spelling without a note", () => {
    for (const values of [TRUST_TYPES, STATUSES, PLANS, FUNDING_MODELS]) {
      for (const value of values) expect(readEnumValue(value, values)).toEqual({ state: "value", value, notes: [] });
    }
  });

  it("accepts a spelling that differs in case, spaces or punctuation with non_canonical", () => {
    const result = readEnumValue("mental-health  and COMMUNITY", TRUST_TYPES);
    expect(result.value).toBe("Mental health and community");
    expect(result.notes).toEqual([{ code: "non_canonical", severity: "warning", detail: { canonical: "Mental health and community" } }]);
    expect(readEnumValue("matched 50-50", FUNDING_MODELS).value).toBe("Matched 50/50");
    expect(readEnumValue("single ics epr", PLANS).value).toBe("Single ICS EPR");
  });

  it("trims without calling it non-canonical", () => {
    expect(readEnumValue("  Live ", STATUSES)).toEqual({ state: "value", value: "Live", notes: [] });
  });

  it("rejects anything else with invalid_enum listing the allowed values", () => {
    const result = readEnumValue("Installed", STATUSES);
    expect(result.state).toBe("invalid");
    expect(result.value).toBeNull();
    expect(result.notes).toEqual([{ code: "invalid_enum", severity: "error", detail: { allowed: STATUSES } }]);
  });

  it("treats logical values and numbers as unreadable, and an Excel error as formula_error alone", () => {
    expect(readEnumValue(errorValue("#REF!"), STATUSES).notes.map((n) => n.code)).toEqual(["formula_error"]);
    expect(readEnumValue(errorValue("#REF!"), STATUSES).value).toBeNull();
    expect(readEnumValue(true, STATUSES).notes[0]?.code).toBe("invalid_enum");
    expect(readEnumValue(3, STATUSES).notes[0]?.code).toBe("invalid_enum");
  });

  it("normalizeEnum gives the canonical value or null", () => {
    expect(normalizeEnum("business CASE", STATUSES)).toBe("Business case");
    expect(normalizeEnum("nope", STATUSES)).toBeNull();
  });
});

describe("suppliers", () => {
  it("accepts canonical names exactly", () => {
    for (const supplier of SUPPLIERS) expect(readSupplier(supplier)).toEqual({ state: "value", value: supplier, notes: [] });
  });

  it("maps every alias to its canonical name with non_canonical", () => {
    for (const supplier of SUPPLIERS) {
      for (const alias of SUPPLIER_ALIASES[supplier]) {
        const result = readSupplier(alias);
        expect(result.value).toBe(supplier);
        expect(result.notes).toEqual([{ code: "non_canonical", severity: "warning", detail: { canonical: supplier } }]);
      }
    }
  });

  it("matches aliases ignoring case, spaces and punctuation", () => {
    expect(readSupplier("cerner").value).toBe("Oracle Health");
    expect(readSupplier("Nerve-centre").value).toBe("Nervecentre");
    expect(readSupplier("in house").value).toBe("In-house");
    expect(readSupplier("EPIC").value).toBe("Epic");
  });

  it("rejects unknown suppliers", () => {
    const result = readSupplier("Acme EPR");
    expect(result.state).toBe("invalid");
    expect(result.notes[0]).toMatchObject({ code: "invalid_enum", severity: "error" });
  });

  it("normalizeSupplier: canonical name for canonical or alias spellings, else null", () => {
    expect(normalizeSupplier("Oracle Health")).toBe("Oracle Health");
    expect(normalizeSupplier("  Cerner Millennium ")).toBe("Oracle Health");
    expect(normalizeSupplier("systmone")).toBe("TPP");
    expect(normalizeSupplier("RiO")).toBe("The Access Group");
    expect(normalizeSupplier("Acme")).toBeNull();
    expect(normalizeSupplier("")).toBeNull();
    expect(normalizeSupplier("__proto__")).toBeNull();
    expect(normalizeSupplier("constructor")).toBeNull();
  });
});
