/**
 * `epr-return diff` on the fixture pairs (test/fixtures/diff/README.md): every kind of change is found and reported
 * as the spec's JSON style says, independently of the golden files (which pin the whole output).
 */
import { runCli } from "./run";

jest.setTimeout(60_000);

const CHANGES = ["test/fixtures/diff/changes-old.xlsx", "test/fixtures/diff/changes-new.xlsx"];

interface FieldJson { column: string; old: unknown; new: unknown; days?: number; direction?: string | null; change?: number }
interface TrustJson { trustCode: string | null; row: number; fields: FieldJson[] }
interface DiffJson {
  changed: boolean;
  summary: { text: string; matched: number };
  ics: { field: string; old: unknown; new: unknown; days?: number }[];
  trusts: { changed: TrustJson[]; added: { trustCode: string; sameNameAs: string | null }[]; removed: { trustCode: string }[] };
  repeatedCodes: { trustCode: string | null; old: number; new: number }[];
  figures: { profile: string; figures: { figure: string; old: unknown; new: unknown; change: number | null }[] };
}

async function changes(): Promise<DiffJson> {
  const run = await runCli(["diff", ...CHANGES, "--json"], "2024-12-31");
  expect(run.code).toBe(1);
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as DiffJson;
}

function field(diff: DiffJson, code: string, column: string): FieldJson | undefined {
  return diff.trusts.changed.find((t) => t.trustCode === code)?.fields.find((f) => f.column === column);
}

describe("epr-return diff", () => {
  it("finds trusts added and removed by code, a corrected code counting as both", async () => {
    const diff = await changes();
    expect(diff.trusts.removed.map((t) => t.trustCode)).toEqual(["RA4", "RA5"]);
    expect(diff.trusts.added).toMatchObject([{ trustCode: "RA6", sameNameAs: "RA5" }, { trustCode: "RB1", sameNameAs: null }]);
    expect(diff.repeatedCodes).toEqual([{ trustCode: "RA9", old: 2, new: 2 }]);
    // The second RA9 row matched the second: only its beds changed.
    expect(diff.trusts.changed.filter((t) => t.trustCode === "RA9")).toMatchObject([{ row: 9, fields: [{ column: "beds", old: 300, new: 320 }] }]);
  });

  it("reports each kind of field change with its slip, direction or change in pounds", async () => {
    const diff = await changes();
    expect(field(diff, "RA1", "trustName")).toEqual({ column: "trustName", header: "Trust name", old: "Northfield General Hospital", new: "Northfield General Hospitals" });
    expect(field(diff, "RA1", "notes")).toMatchObject({ old: null, new: "Contract extended to 2031" });
    expect(field(diff, "RA1", "contractEndDate")).toMatchObject({ old: "2029-05-31", new: "2031-05-31", days: 730 });
    expect(field(diff, "RA2", "eprStatus")).toMatchObject({ old: "Procuring", new: "Implementing", direction: "progress" });
    expect(field(diff, "RA2", "businessCaseStage")).toMatchObject({ old: "OBC", new: "FBC", direction: "progress" });
    expect(field(diff, "RA2", "goLiveDate")).toEqual({ column: "goLiveDate", header: "Go-live date", old: null, new: "2025-09-30" });
    expect(field(diff, "RA2", "targetGoLiveDate")).toMatchObject({ days: 183 });
    expect(field(diff, "RA2", "totalCost")).toMatchObject({ old: 10_000_000, new: 12_000_000, change: 2_000_000 });
    // "£6m" typed as text reads as 6000000: a real change from £5m, not a change of type.
    expect(field(diff, "RA2", "localFunding")).toMatchObject({ old: 5_000_000, new: 6_000_000, change: 1_000_000 });
    expect(field(diff, "RA3", "plan")).toMatchObject({ old: "Converge", new: "Interoperate", direction: "regress" });
    expect(field(diff, "RA3", "businessCaseStage")).toMatchObject({ old: "SOC", new: "Not needed", direction: null });
    expect(field(diff, "RA3", "targetSupplier")).toMatchObject({ old: "Epic", new: null });
    expect(field(diff, "RA3", "nationalFunding")).toMatchObject({ old: 6_000_000, new: null, change: -6_000_000 });
    expect(field(diff, "RA7", "goLiveDate")).toMatchObject({ days: -61 });
    expect(field(diff, "RA8", "eprStatus")).toMatchObject({ old: "Live", new: "Implementing", direction: "regress" });
    // Unchanged fields are not listed.
    expect(field(diff, "RA1", "beds")).toBeUndefined();
  });

  it("compares the ICS details and every headline figure, against the return's profile", async () => {
    const diff = await changes();
    expect(diff.ics).toEqual([
      { field: "contactName", label: "Contact name", old: "Sam Patel", new: "Alex Jones" },
      { field: "contactEmail", label: "Contact email", old: "sam.patel@nhs.net", new: "alex.jones@nhs.net" },
      { field: "submissionDate", label: "Submission date", old: "2024-06-30", new: "2024-12-31", days: 184 },
    ]);
    expect(diff.figures.profile).toBe("mar-2026");
    const national = diff.figures.figures.find((f) => f.figure === "funding.nationalFunding");
    // £5m + £6m before; £6m now.
    expect(national).toMatchObject({ old: 11_000_000, new: 6_000_000, change: -5_000_000 });
    expect(diff.summary.text).toContain("national funding asked down £5.0m");
    expect(diff.summary.text).toContain("1 of 7 trusts' target go-live dates slipped, 183 days");
  });

  it("prints the changes grouped by trust, in the sheet's row order", async () => {
    const run = await runCli(["diff", ...CHANGES], "2024-12-31");
    expect(run.code).toBe(1);
    const headings = run.stdout.split("\n").filter((line) => /^ {2}\S/.test(line) && /\(R[AB]\d\)/.test(line));
    expect(headings.map((line) => /\((R[AB]\d)\)/.exec(line)?.[1])).toEqual(["RA1", "RA2", "RA3", "RA6", "RA7", "RA8", "RA9", "RB1", "RA4", "RA5"]);
    expect(run.stdout).toContain(`    ${"EPR status".padEnd(32)}Live → Implementing (a step back)`);
  });

  it("exits 0 when the same values were saved differently, and 2 for trouble", async () => {
    const same = await runCli(["diff", "test/fixtures/diff/unchanged-old.xlsx", "test/fixtures/diff/unchanged-new.xlsx", "--json"], "2024-12-31");
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ changed: false, trusts: { changed: [], added: [], removed: [] }, ics: [] });
    expect((await runCli(["diff", CHANGES[0] ?? ""], "2024-12-31")).code).toBe(2);
    const unreadable = await runCli(["diff", "test/fixtures/broken/truncated.xlsx", CHANGES[1] ?? ""], "2024-12-31");
    expect(unreadable.code).toBe(2);
    expect(unreadable.stdout).toBe("");
    expect(unreadable.stderr).toMatch(/^epr-return: test\/fixtures\/broken\/truncated\.xlsx: .+\n$/);
  });
});
