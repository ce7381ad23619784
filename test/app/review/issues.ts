/** Issues for the review tests: a required error by default, changed by the fields given. */
import type { Issue } from "../../../src/core/issues";

export function issue(overrides: Partial<Issue>): Issue {
  return { sheet: "Trusts", cell: "A2", row: 2, column: "trustCode", code: "required", severity: "error", message: "m", value: null, ...overrides };
}
