/**
 * `epr-return report` writes OUT.html beside OUT.xlsx (src/core/national/html): through the safe writer (never
 * replaced without --force), from the same figures, with a hostile ICS name in a real return shown as text.
 */
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeIcsDetails, writeTrustsTable } from "../../src/files/writeRows";
import { templateWorkbook } from "../../src/files/writeTemplate";
import { tempFolder } from "../core/merge/trustWorkbooks";
import { runCli } from "./run";

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
const CLEAN = join(__dirname, "..", "..", "examples", "clean-ics-return.xlsx");

let folder: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  folder = await tempFolder("epr-report-html-");
});
afterAll(() => folder.cleanup());

async function hostileReturn(path: string): Promise<void> {
  const wb = templateWorkbook();
  writeIcsDetails(wb, { icsName: HOSTILE, icbCode: "QXX", contactName: null, contactEmail: null, submissionDate: "2023-11-15", targetProfile: "dec-2023" });
  writeTrustsTable(wb, [["RXX", "A trust", "Acute", "Live", "Epic", "EpicCare", new Date(Date.UTC(2019, 5, 1)), null, "Keep", null, null, null, null, null, "None", null, null, null, 900, null]]);
  await wb.xlsx.writeFile(path);
}

describe("epr-return report writes OUT.html", () => {
  it("writes OUT.html beside OUT.xlsx and names both in the summary", async () => {
    const out = join(folder.dir, "national");
    const run = await runCli(["report", CLEAN, "-o", `${out}.html`]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain(`wrote ${out}.xlsx and ${out}.html`);
    const html = await readFile(`${out}.html`, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain("<h1>National EPR report</h1>");
  });

  it("never replaces an existing OUT.html without --force (and writes neither file), and replaces it with --force", async () => {
    const out = join(folder.dir, "kept");
    await writeFile(`${out}.html`, "the user's page");
    const refused = await runCli(["report", CLEAN, "-o", out]);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/kept\.html: already exists; choose another name or add --force/)]);
    expect([await readFile(`${out}.html`, "utf8"), existsSync(`${out}.xlsx`)]).toEqual(["the user's page", false]);
    const forced = await runCli(["report", CLEAN, "-o", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(await readFile(`${out}.html`, "utf8")).toMatch(/^<!DOCTYPE html>/);
    await rm(`${out}.xlsx`);
  });

  it("shows a hostile ICS name read from a return as text, never as markup", async () => {
    const file = join(folder.dir, "hostile.xlsx");
    await hostileReturn(file);
    const out = join(folder.dir, "hostile-report");
    const run = await runCli(["report", file, "-o", out, "--json"]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { icss: { icsName: string }[] }).icss[0]?.icsName).toBe(HOSTILE);
    const html = await readFile(`${out}.html`, "utf8");
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
  });
});
