import { coverage, installationDate } from "../../../src/core/calc";
import { date90Rank } from "../../../src/core/calc/coverage";
import { trustRow } from "./trustRow";

describe("installationDate", () => {
  it("is the go-live date for Live and Implementing trusts", () => {
    expect(installationDate(trustRow({ eprStatus: "Live", goLiveDate: "2019-05-01", targetGoLiveDate: "2025-01-01" }))).toBe("2019-05-01");
    expect(installationDate(trustRow({ eprStatus: "Implementing", goLiveDate: "2024-02-01", targetGoLiveDate: "2025-01-01" }))).toBe("2024-02-01");
  });

  it("is the target go-live date otherwise, and null when blank", () => {
    expect(installationDate(trustRow({ eprStatus: "Procuring", goLiveDate: "2019-05-01", targetGoLiveDate: "2025-01-01" }))).toBe("2025-01-01");
    expect(installationDate(trustRow({ eprStatus: null, targetGoLiveDate: "2025-01-01" }))).toBe("2025-01-01");
    expect(installationDate(trustRow({ eprStatus: "Live", goLiveDate: null, targetGoLiveDate: "2025-01-01" }))).toBeNull();
    expect(installationDate(trustRow({ eprStatus: "No EPR" }))).toBeNull();
  });
});

describe("coverage", () => {
  const liveOnD = trustRow({ eprStatus: "Live", goLiveDate: "2023-12-31" });
  const implementingAfterD = trustRow({ eprStatus: "Implementing", goLiveDate: "2024-01-01" });
  const awardedOnD = trustRow({ eprStatus: "Procuring", targetGoLiveDate: "2025-06-30", contractAwardDate: "2023-12-31" });
  const awardedAfterD = trustRow({ eprStatus: "Procuring", targetGoLiveDate: "2025-06-30", contractAwardDate: "2024-01-01" });
  const nothing = trustRow({ eprStatus: "No EPR" });

  it("counts a go-live on D as installed and later ones as implementing (dec-2023)", () => {
    const result = coverage([liveOnD, implementingAfterD], "dec-2023");
    expect(result).toMatchObject({ profile: "dec-2023", asOf: "2023-12-31", installed: 1, implementing: 1, installedShare: 0.5, coveredShare: 1, met: false });
  });

  it("counts a contract award on or before D as implementing, and after D as not", () => {
    expect(coverage([awardedOnD], "dec-2023")).toMatchObject({ installed: 0, implementing: 1, coveredShare: 1 });
    expect(coverage([awardedAfterD], "dec-2023")).toMatchObject({ installed: 0, implementing: 0, coveredShare: 0 });
  });

  it("uses the mar-2026 date and minimums", () => {
    const rows = [liveOnD, implementingAfterD, awardedOnD, awardedAfterD];
    const result = coverage(rows, "mar-2026");
    // target go-lives 2025-06-30 are installed by 2026-03-31
    expect(result).toMatchObject({ asOf: "2026-03-31", installed: 4, implementing: 0, installedShare: 1, coveredShare: 1, met: true });
  });

  it("meets mar-2026 with nothing installed as long as every trust is covered", () => {
    const rows = [trustRow({ eprStatus: "Implementing", goLiveDate: "2026-04-01" }), trustRow({ eprStatus: "Procuring", contractAwardDate: "2026-03-31" })];
    expect(coverage(rows, "mar-2026")).toMatchObject({ installed: 0, implementing: 2, installedShare: 0, coveredShare: 1, met: true });
  });

  it("does not meet mar-2026 when one trust is not covered", () => {
    const rows = [liveOnD, nothing];
    expect(coverage(rows, "mar-2026")).toMatchObject({ installed: 1, implementing: 0, coveredShare: 0.5, met: false });
  });

  it("meets dec-2023 at exactly 90% installed and the rest implementing", () => {
    const rows = [...Array.from({ length: 9 }, () => liveOnD), implementingAfterD];
    expect(coverage(rows, "dec-2023")).toMatchObject({ installed: 9, implementing: 1, installedShare: 0.9, coveredShare: 1, met: true });
  });

  it("misses dec-2023 just under 90% installed", () => {
    const rows = [...Array.from({ length: 8 }, () => liveOnD), implementingAfterD, awardedOnD];
    expect(coverage(rows, "dec-2023")).toMatchObject({ installed: 8, installedShare: 0.8, coveredShare: 1, met: false });
  });

  it("takes a custom as-of date but keeps the profile's minimums", () => {
    const rows = [liveOnD, implementingAfterD];
    const dayBefore = coverage(rows, "dec-2023", "2023-12-30");
    expect(dayBefore).toMatchObject({ profile: "dec-2023", asOf: "2023-12-30", installed: 0, implementing: 2, met: false });
    const onGoLive = coverage(rows, "dec-2023", "2024-01-01");
    expect(onGoLive).toMatchObject({ asOf: "2024-01-01", installed: 2, implementing: 0, installedShare: 1, met: true });
    // mar-2026 minimums (installed ≥ 0) with an earlier date
    expect(coverage(rows, "mar-2026", "2023-12-30")).toMatchObject({ asOf: "2023-12-30", installed: 0, implementing: 2, met: true });
  });

  it("gives shares 0 and not met with no trusts", () => {
    expect(coverage([], "mar-2026")).toEqual({
      profile: "mar-2026", asOf: "2026-03-31", installed: 0, implementing: 0, installedShare: 0, coveredShare: 0, met: false, date90: null,
    });
  });

  describe("date90", () => {
    const on = (date: string) => trustRow({ eprStatus: "Live", goLiveDate: date });
    const dates = ["2020-01-31", "2018-03-31", "2021-06-30", "2019-02-28", "2022-09-30", "2017-01-01", "2023-03-31", "2016-05-05", "2024-12-31", "2025-07-31", "2026-01-31"];

    it("T = 1: the only trust's date (k = 1), or null without one", () => {
      expect(coverage([on("2020-01-31")], "dec-2023").date90).toBe("2020-01-31");
      expect(coverage([nothing], "dec-2023").date90).toBeNull();
    });

    it("T = 9: k = 9, the latest of nine", () => {
      expect(coverage(dates.slice(0, 9).map(on), "dec-2023").date90).toBe("2024-12-31");
    });

    it("T = 10: k = 9, the second latest", () => {
      expect(coverage(dates.slice(0, 10).map(on), "dec-2023").date90).toBe("2024-12-31");
    });

    it("T = 11: k = 10", () => {
      expect(coverage(dates.map(on), "dec-2023").date90).toBe("2025-07-31");
    });

    it("is null when fewer than k trusts have an installation date", () => {
      const rows = [...dates.slice(0, 8).map(on), nothing, nothing];
      expect(coverage(rows, "dec-2023").date90).toBeNull();
      // 9 of 10 dated: k = 9 is reachable
      expect(coverage([...dates.slice(0, 9).map(on), nothing], "dec-2023").date90).toBe("2024-12-31");
    });

    it("uses target go-live dates of trusts not yet implementing", () => {
      const rows = [on("2019-01-01"), trustRow({ eprStatus: "Procuring", targetGoLiveDate: "2027-03-31" })];
      // T = 2: k = 2
      expect(coverage(rows, "dec-2023").date90).toBe("2027-03-31");
    });
  });
});

describe("date90Rank (k = ⌈9T/10⌉)", () => {
  it.each([
    [0, 0], [1, 1], [2, 2], [9, 9], [10, 9], [11, 10], [19, 18], [20, 18], [21, 19], [100, 90], [101, 91],
  ])("T = %i → k = %i", (trusts, k) => {
    expect(date90Rank(trusts)).toBe(k);
  });
});
