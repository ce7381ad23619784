import { stepIssue } from "../../../src/app/review/navigation";

describe("stepIssue", () => {
  const keys = ["a", "b", "c"];

  it("starts at the first (Next) or the last (Previous)", () => {
    expect(stepIssue(keys, null, "next")).toBe(0);
    expect(stepIssue(keys, null, "previous")).toBe(2);
    expect(stepIssue([], null, "next")).toBeNull();
  });

  it("steps in list order and wraps round at the ends", () => {
    expect(stepIssue(keys, { key: "a", index: 0 }, "next")).toBe(1);
    expect(stepIssue(keys, { key: "c", index: 2 }, "next")).toBe(0);
    expect(stepIssue(keys, { key: "a", index: 0 }, "previous")).toBe(2);
  });

  it("when the current issue has gone, goes to the one that took its place (Next) or the one before (Previous)", () => {
    // "b" was at 1 and was fixed: the list is now a, c.
    expect(stepIssue(["a", "c"], { key: "b", index: 1 }, "next")).toBe(1);
    expect(stepIssue(["a", "c"], { key: "b", index: 1 }, "previous")).toBe(0);
    // The last one went: Next wraps to the first.
    expect(stepIssue(["a", "b"], { key: "c", index: 2 }, "next")).toBe(0);
  });
});
