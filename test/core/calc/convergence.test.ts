import { convergence } from "../../../src/core/calc";

describe("convergence (unweighted)", () => {
  it("worked example: Epic, Epic, Oracle Health, In-house PAS", () => {
    const result = convergence(["epic", "epic", "oracle", "inhouse:pas"]);
    expect(result.systems).toBe(3);
    expect(result.trusts).toBe(4);
    // (2/4)² + (1/4)² + (1/4)² = 6/16
    expect(result.hhi).toBe(0.375);
    expect(result.effective).toBeCloseTo(8 / 3, 12);
    // 100 × (4 − 8/3) / 3 = 44.44…
    expect(result.score).toBeCloseTo(400 / 9, 10);
    expect(result).not.toHaveProperty("leftOut");
  });

  it("ignores trusts without a system (null keys)", () => {
    expect(convergence([null, "a", null, "a", "b"])).toEqual(convergence(["a", "a", "b"]));
    expect(convergence([null, "a", "a", "b"]).trusts).toBe(3);
  });

  it("scores 100 for one system across the ICS", () => {
    const result = convergence(["a", "a", "a"]);
    expect(result).toEqual({ systems: 1, trusts: 3, hhi: 1, effective: 1, score: 100 });
  });

  it("scores 0 when every trust is on a different system", () => {
    const result = convergence(["a", "b", "c", "d", "e"]);
    expect(result.systems).toBe(5);
    expect(result.hhi).toBeCloseTo(0.2, 15);
    expect(result.effective).toBeCloseTo(5, 12);
    expect(result.score).toBeCloseTo(0, 10);
  });

  it("scores 100 for a single trust", () => {
    expect(convergence(["a"])).toEqual({ systems: 1, trusts: 1, hhi: 1, effective: 1, score: 100 });
  });

  it("gives zeros and score 100, never NaN, with no trusts on a system", () => {
    for (const keys of [[], [null, null]]) {
      const result = convergence(keys);
      expect(result).toEqual({ systems: 0, trusts: 0, hhi: 0, effective: 0, score: 100 });
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    }
  });
});

describe("convergence (weighted by beds)", () => {
  it("uses each system's share of the beds", () => {
    // beds: a 300 + 100 = 400, b 100 → shares 0.8, 0.2 → HHI 0.68
    const result = convergence(["a", "a", "b"], [300, 100, 100]);
    expect(result.systems).toBe(2);
    expect(result.trusts).toBe(3);
    expect(result.hhi).toBeCloseTo(0.68, 12);
    expect(result.effective).toBeCloseTo(1 / 0.68, 12);
    expect(result.score).toBeCloseTo((100 * (3 - 1 / 0.68)) / 2, 10);
    expect(result.leftOut).toBe(0);
  });

  it("equals the unweighted figures when every trust has the same beds", () => {
    const weighted = convergence(["epic", "epic", "oracle", "pas"], [500, 500, 500, 500]);
    const plain = convergence(["epic", "epic", "oracle", "pas"]);
    expect(weighted.hhi).toBeCloseTo(plain.hhi, 15);
    expect(weighted.score).toBeCloseTo(plain.score, 10);
  });

  it("leaves out trusts with blank beds, counts them, and keeps n as all trusts with a system", () => {
    // a: 200 (the b trust's beds are blank) → HHI 1 over the included beds; n stays 3.
    const result = convergence(["a", "a", "b", null], [100, 100, null, 999]);
    expect(result.leftOut).toBe(1);
    expect(result.trusts).toBe(3);
    expect(result.systems).toBe(2);
    expect(result.hhi).toBe(1);
    expect(result.effective).toBe(1);
    expect(result.score).toBe(100);
  });

  it("does not count trusts without a system as left out", () => {
    expect(convergence([null, "a"], [null, 10]).leftOut).toBe(0);
  });

  it("treats missing, negative and non-finite weights as blank", () => {
    const result = convergence(["a", "b", "c", "d"], [10, -5, Number.NaN]);
    expect(result.leftOut).toBe(3);
    expect(result.hhi).toBe(1);
  });

  it("gives hhi 0, effective 0, score 100 when the beds sum to 0, never NaN", () => {
    for (const weights of [[0, 0], [null, null]]) {
      const result = convergence(["a", "b"], weights);
      expect(result).toEqual({ systems: 2, trusts: 2, hhi: 0, effective: 0, score: 100, leftOut: weights[0] === null ? 2 : 0 });
    }
  });

  it("lets a trust with 0 beds count towards n but not the shares", () => {
    // shares: a 1.0 → effective 1, n = 2 → score 100
    const result = convergence(["a", "b"], [50, 0]);
    expect(result.hhi).toBe(1);
    expect(result.score).toBe(100);
    expect(result.leftOut).toBe(0);
  });
});
