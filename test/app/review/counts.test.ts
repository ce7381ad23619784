import { countByCode, countBySeverity } from "../../../src/app/review/counts";
import { issue } from "./issues";

describe("counts", () => {
  const issues = [
    issue({ code: "non_canonical", severity: "warning" }),
    issue({ code: "non_canonical", severity: "warning", cell: "C2" }),
    issue({ code: "imprecise_date", severity: "warning" }),
    issue({ code: "invalid_date", severity: "error" }),
    // too_long varies: a warning for notes, an error for a trust name.
    issue({ code: "too_long", severity: "warning" }),
    issue({ code: "too_long", severity: "error" }),
  ];

  it("counts by severity", () => {
    expect(countBySeverity(issues)).toEqual({ errors: 2, warnings: 4 });
    expect(countBySeverity([])).toEqual({ errors: 0, warnings: 0 });
  });

  it("counts by kind: kinds with errors first, then the larger counts, named for people", () => {
    expect(countByCode(issues).map((c) => [c.label, c.count, c.severity])).toEqual([
      ["Text too long", 2, "error"],
      ["Unreadable date", 1, "error"],
      ["Non-standard spelling", 2, "warning"],
      ["Month, quarter or year only", 1, "warning"],
    ]);
  });
});
