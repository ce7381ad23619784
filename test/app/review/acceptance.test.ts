import {
  acceptanceKey, ACCEPTED_WARNINGS_SETTING, isAccepted, NO_ACCEPTANCES, readAcceptances, splitAccepted, storedAcceptances, withAccepted,
  withoutAccepted, withoutLapsed,
} from "../../../src/app/review/acceptance";
import { issue } from "./issues";

const AT = "2026-03-12T10:00:00.000Z";
const quarter = issue({ cell: "K4", row: 4, column: "targetGoLiveDate", code: "imprecise_date", severity: "warning", value: "Q3 2025/26" });

describe("accepted warnings", () => {
  it("is stored under one workbook setting", () => {
    expect(ACCEPTED_WARNINGS_SETTING).toBe("eprReturn.acceptedWarnings");
  });

  it("keys an acceptance by sheet, cell, kind and value, so that no sheet name can make two keys meet", () => {
    expect(acceptanceKey(quarter)).toBe(JSON.stringify(["Trusts", "K4", "imprecise_date", "Q3 2025/26"]));
    expect(acceptanceKey({ ...quarter, sheet: "A!K4", cell: "B" })).not.toBe(acceptanceKey({ ...quarter, sheet: "A", cell: "K4!B" }));
  });

  it("accepts a warning, and lapses when the cell's value changes", () => {
    const accepted = withAccepted(NO_ACCEPTANCES, quarter, AT);
    expect(isAccepted(accepted, quarter)).toBe(true);
    expect(isAccepted(accepted, { ...quarter, value: "Q4 2025/26" })).toBe(false);
    expect(isAccepted(accepted, { ...quarter, cell: "K5" })).toBe(false);
    expect(isAccepted(withoutAccepted(accepted, quarter), quarter)).toBe(false);
  });

  it("refuses to accept an error, which must be corrected", () => {
    const error = issue({ code: "invalid_date", value: "12/31/2019" });
    expect(() => withAccepted(NO_ACCEPTANCES, error, AT)).toThrow("Trusts!A2 is an error, not a warning: correct it rather than accept it.");
    // Even if a hand-edited record lists it, an error is never taken out of the count.
    const forged = readAcceptances([{ sheet: "Trusts", cell: "A2", code: "invalid_date", value: "12/31/2019", at: AT }]);
    expect(isAccepted(forged, error)).toBe(false);
  });

  it("round-trips through the stored value, dropping entries that do not read", () => {
    const accepted = withAccepted(NO_ACCEPTANCES, quarter, AT);
    const stored = storedAcceptances(accepted);
    expect(stored).toEqual([{ sheet: "Trusts", cell: "K4", code: "imprecise_date", value: "Q3 2025/26", at: AT }]);
    const read = readAcceptances(JSON.parse(JSON.stringify([...(stored ?? []), { sheet: "Trusts", cell: 4 }, "junk", { ...stored?.[0], code: "bogus" }])));
    expect([...read.values()]).toEqual(stored);
    expect(readAcceptances({ not: "a list" }).size).toBe(0);
    expect(storedAcceptances(NO_ACCEPTANCES)).toBeNull();
  });

  it("splits a check's issues into open and accepted, in order", () => {
    const spelling = issue({ cell: "E4", code: "non_canonical", severity: "warning", value: "Cerner" });
    const error = issue({ cell: "G5" });
    const { open, accepted } = splitAccepted([spelling, quarter, error], withAccepted(NO_ACCEPTANCES, quarter, AT));
    expect(open).toEqual([spelling, error]);
    expect(accepted).toEqual([{ issue: quarter, acceptance: { sheet: "Trusts", cell: "K4", code: "imprecise_date", value: "Q3 2025/26", at: AT } }]);
  });

  it("drops lapsed acceptances of the checked sheets only", () => {
    const other = { ...quarter, sheet: "Old" };
    const both = withAccepted(withAccepted(NO_ACCEPTANCES, quarter, AT), other, AT);
    // The Trusts cell now holds another value: its warning is a new one.
    const pruned = withoutLapsed(both, [{ ...quarter, value: "Q4 2025/26" }], ["Trusts"]);
    expect([...pruned.values()].map((a) => a.sheet)).toEqual(["Old"]);
    expect(withoutLapsed(both, [quarter], ["Trusts"]).size).toBe(2);
  });
});
