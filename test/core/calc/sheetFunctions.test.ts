import { convergence, systemsConvergence, trustCoverage } from "../../../src/core/calc";

describe("systemsConvergence", () => {
  it("treats each trimmed, case-folded text as one system and skips blanks", () => {
    const result = systemsConvergence(["Epic", " epic ", "Oracle Health", "In-house", null, "", "   "]);
    expect(result.systems).toBe(3);
    expect(result.trusts).toBe(4);
    expect(result.hhi).toBe(0.375);
    expect(result.score).toBeCloseTo(400 / 9, 10);
  });

  it("passes weights through, aligned with the suppliers", () => {
    const result = systemsConvergence(["Epic", "Epic", "TPP", null], [300, 100, 100, 5000]);
    expect(result).toEqual(convergence(["epic", "epic", "tpp", null], [300, 100, 100, 5000]));
    expect(result.hhi).toBeCloseTo(0.68, 12);
    expect(result.leftOut).toBe(0);
  });

  it("gives the empty result for a column of blanks", () => {
    expect(systemsConvergence([null, " "])).toEqual({ systems: 0, trusts: 0, hhi: 0, effective: 0, score: 100 });
  });
});

describe("trustCoverage", () => {
  const D = "2023-12-31";

  it("is installed when the go-live of a Live or Implementing trust is on or before D", () => {
    expect(trustCoverage("Live", "2023-12-31", null, D)).toBe("installed");
    expect(trustCoverage("Implementing", "2023-06-01", "2030-01-01", D)).toBe("installed");
  });

  it("is implementing for a Live or Implementing trust going live after D or with no date", () => {
    expect(trustCoverage("Implementing", "2024-01-01", null, D)).toBe("implementing");
    expect(trustCoverage("Live", null, "2020-01-01", D)).toBe("implementing");
  });

  it("uses the target go-live date for other statuses, which can only be installed or not covered", () => {
    expect(trustCoverage("Procuring", "2020-01-01", "2023-12-31", D)).toBe("installed");
    expect(trustCoverage("Procuring", "2020-01-01", "2024-01-01", D)).toBe("not covered");
    expect(trustCoverage("No EPR", null, null, D)).toBe("not covered");
    expect(trustCoverage(null, null, null, D)).toBe("not covered");
  });

  it("reads the status ignoring case and surrounding spaces", () => {
    expect(trustCoverage(" live ", "2024-01-01", null, D)).toBe("implementing");
  });
});
