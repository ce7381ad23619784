import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { openWorkbookFile } from "../../src/files/nodeFile";
import { EAST, NORTH, SOUTH, tempFolder, writeTrustBook, type TrustBook } from "../core/merge/trustWorkbooks";
import { runCli } from "./run";

const NORTH_AGAIN: TrustBook = {
  sheet: "Trusts",
  rows: [
    ["Trust code", "Trust name", "Type", "Status", "Supplier", "Go live", "Plan"],
    ["RYJ", "Imperial (updated)", "Acute", "Live", "Epic", "01/06/2019", "Keep"],
  ],
};

// Each test writes and reads real workbooks; on a busy machine that takes seconds.
jest.setTimeout(60_000);

let folder: { dir: string; cleanup: () => Promise<void> };
let north: string, south: string, east: string, again: string;

beforeAll(async () => {
  folder = await tempFolder("epr-merge-");
  [north, south, east, again] = await Promise.all([
    writeTrustBook(join(folder.dir, "north.xlsx"), NORTH),
    writeTrustBook(join(folder.dir, "south.xlsx"), SOUTH),
    writeTrustBook(join(folder.dir, "east.xlsx"), EAST),
    writeTrustBook(join(folder.dir, "again.xlsx"), NORTH_AGAIN),
  ]);
});
afterAll(() => folder.cleanup());

const out = (name: string) => join(folder.dir, name);

/** The merged Trusts sheet as display rows: dates as YYYY-MM-DD. */
async function trustsRows(path: string): Promise<unknown[][]> {
  const grid = await (await openWorkbookFile(path)).readSheet("Trusts");
  return grid.rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c)));
}

describe("epr-return merge", () => {
  it("consolidates three differently laid-out returns into the template's Trusts table, with a Source column", async () => {
    const target = out("ics.xlsx");
    const run = await runCli(["merge", north, south, east, "-o", target]);
    expect(run.stderr).not.toContain("epr-return:");
    expect(run.code).toBe(0);
    const rows = await trustsRows(target);
    expect(rows[0]?.slice(0, 3)).toEqual(["Trust ODS code", "Trust name", "Trust type"]);
    expect(rows[0]?.[20]).toBe("Source");
    // Code, name, type, status, supplier, go-live, plan, beds, source.
    const pick = (r: unknown[]) => [r[0], r[1], r[2], r[3], r[4], r[6], r[8], r[18] ?? null, r[20]];
    expect(rows.slice(1).map(pick)).toEqual([
      ["RYJ", "Imperial College Healthcare", "Acute", "Live", "Epic", "2019-06-01", "Keep", 1000, `${north} › Trusts › row 2`],
      ["R1H", "Barts Health", "Acute", "Live", "Oracle Health", "2012-10-01", "Keep", 2500, `${north} › Trusts › row 3`],
      ["RJZ", "King's College Hospital", "Acute", "Live", "Epic", "2020-03-31", "Keep", 950, `${south} › Providers › row 4`],
      ["RPG", "Oxleas", "Mental health and community", "Live", "The Access Group", "2015-04-01", "Interoperate", null, `${south} › Providers › row 5`],
      ["RGT", "Cambridge University Hospitals", "Acute", "Live", "Oracle Health", "2017-11-01", "Keep", null, `${east} › Sheet1 › row 2`],
    ]);
    expect(rows[5]?.[19]).toBe("Epic in fact; to check");
    expect(run.stdout).toContain(`${south} › Providers: 2 trust rows, 2 taken, 0 skipped; 0 errors, 1 warning`);
    expect(run.stdout).toContain(`wrote 5 trust rows from 3 sources to ${target}`);
    // The Source column is the add-in's own: it draws no unknown_column warning.
    expect(run.stdout).toContain("the merged return: ready to send");

    // The merged return is itself a return the other commands read.
    const validated = await runCli(["validate", target, "--json"]);
    const report = JSON.parse(validated.stdout) as { rows: number; errors: number };
    expect(report).toMatchObject({ rows: 5, errors: 0 });
  });

  it("--on-duplicate keep: the earlier row stays, the later is reported as skipped", async () => {
    const run = await runCli(["merge", north, again, "-o", out("keep.xlsx"), "--on-duplicate", "keep"]);
    expect(run.code).toBe(0);
    expect((await trustsRows(out("keep.xlsx"))).slice(1).map((r) => r[1])).toEqual(["Imperial College Healthcare", "Barts Health"]);
    expect(run.stdout).toContain(`${again} › Trusts: 1 trust row, 0 taken, 1 skipped`);
    expect(run.stdout).toContain(`skipped row 2 (RYJ): already taken from ${north} › Trusts`);
  });

  it("--on-duplicate replace: the later row takes the earlier one's place", async () => {
    const run = await runCli(["merge", north, again, "-o", out("replace.xlsx"), "--on-duplicate=replace"]);
    expect(run.code).toBe(0);
    const rows = (await trustsRows(out("replace.xlsx"))).slice(1);
    expect(rows.map((r) => r[1])).toEqual(["Imperial (updated)", "Barts Health"]);
    expect(rows[0]?.[20]).toBe(`${again} › Trusts › row 2`);
    expect(run.stdout).toContain(`replaced row 2 (RYJ): by the row from ${again} › Trusts`);
  });

  it("--on-duplicate both (the default): both rows kept, and the merged return flags the duplicate on each", async () => {
    const run = await runCli(["merge", north, again, "-o", out("both.xlsx")]);
    expect(run.code).toBe(0);
    expect((await trustsRows(out("both.xlsx"))).slice(1).map((r) => r[0])).toEqual(["RYJ", "R1H", "RYJ"]);
    expect(run.stdout).toContain("on duplicate: both");
    const validated = JSON.parse((await runCli(["validate", out("both.xlsx"), "--json"])).stdout) as { issues: { code: string; cell: string }[] };
    expect(validated.issues.filter((i) => i.code === "duplicate").map((i) => i.cell)).toEqual(["A2", "A4"]);
  });

  it("refuses to overwrite the output unless --force", async () => {
    const target = out("exists.xlsx");
    await writeFile(target, "mine");
    const refused = await runCli(["merge", north, "-o", target]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("already exists");
    expect((await runCli(["merge", north, "-o", target, "--force"])).code).toBe(0);
    expect((await trustsRows(target)).length).toBe(3);
  });

  it("writes nothing and exits 2 when an input cannot be read", async () => {
    const broken = out("broken.xlsx");
    await writeFile(broken, "not a workbook");
    const run = await runCli(["merge", north, broken, "-o", out("never.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`epr-return: ${broken}: `);
    expect(run.stderr).toContain("nothing written");
    expect(existsSync(out("never.xlsx"))).toBe(false);
  });

  it("rejects bad usage with exit 2", async () => {
    expect((await runCli(["merge", north])).stderr).toContain("needs -o OUT.xlsx");
    expect((await runCli(["merge", north, "-o", out("x.csv")])).code).toBe(2);
    const bad = await runCli(["merge", north, "-o", out("x.xlsx"), "--on-duplicate", "newest"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("keep, replace, both");
  });
});
