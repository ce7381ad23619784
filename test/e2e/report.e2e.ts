/**
 * OUT.html in Chromium: `epr-return report` run over the 22 generated returns (test/helpers/nationalReturns.ts), and
 * the page it writes opened with every request routed: only the page itself may load (it is self-contained). axe
 * finds no serious or critical violation, the three charts render with one bar per figure, the charts fit an A4 page
 * when printed, and a full-page screenshot at 1280 px goes to docs/screenshots/report-light.png.
 */
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { NationalReport } from "../../src/core/national";
import { tempFolder } from "../core/merge/trustWorkbooks";
import { runCli } from "../cli/run";
import { writeNationalFolder } from "../helpers/nationalReturns";
import { pageForTests } from "./support/browser";
import { SCREENSHOTS, seriousViolations } from "./support/workbench";

jest.setTimeout(300_000);

/** The page is served at a made-up origin through routing: no server, and any other request is caught. */
const PAGE_URL = "http://report.invalid/national.html";
/** A4's printable width at 15 mm margins, in CSS pixels (96 per inch). */
const A4_PRINTABLE_PX = Math.floor(((210 - 30) / 25.4) * 96);

const tab = pageForTests(1280, 900);
let folder: { dir: string; cleanup: () => Promise<void> };
let report: NationalReport;
let html: string;
const otherRequests: string[] = [];

beforeAll(async () => {
  folder = await tempFolder("epr-report-e2e-");
  const returns = join(folder.dir, "returns");
  await mkdir(returns);
  await writeNationalFolder(returns);
  const out = join(folder.dir, "national");
  const run = await runCli(["report", returns, "-o", out, "--json"]);
  if (run.code !== 0) throw new Error(`report failed (${run.code}): ${run.stderr}`);
  report = JSON.parse(run.stdout) as NationalReport;
  html = await readFile(`${out}.html`, "utf8");

  await tab.page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
    otherRequests.push(url);
    return route.abort();
  });
  await tab.page.goto(PAGE_URL, { waitUntil: "load" });
});
afterAll(() => folder?.cleanup());

test("the page loads with no other request, no error, and the report's title", async () => {
  const { page } = tab;
  await page.getByRole("heading", { level: 1, name: "National EPR report" }).waitFor();
  expect(await page.title()).toBe(`National EPR report: target date ${report.asOf.split("-").reverse().join("/")}`);
  expect(otherRequests).toEqual([]);
  expect(tab.errors).toEqual([]);
  // Wide tables scroll inside their own box; the page itself never scrolls sideways at 1280 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test("axe finds no serious or critical violation", async () => {
  expect(await seriousViolations(tab.page)).toEqual([]);
});

test("the three charts render with one bar per figure, and each has its table beside it", async () => {
  const { page } = tab;
  const expected: readonly (readonly [string, number])[] = [
    ["coverage", report.icss.length * 2],
    ["suppliers", report.suppliers.rows.length * 2],
    ["funding", report.icss.length],
  ];
  for (const [id, bars] of expected) {
    const chart = page.locator(`#${id}-figure svg[role="img"]`);
    const box = await chart.boundingBox();
    expect([id, (box?.width ?? 0) > 300, (box?.height ?? 0) > 100]).toEqual([id, true, true]);
    expect([id, await chart.locator("rect.bar").count()]).toEqual([id, bars]);
    // Drawn, not just present: the bars with a value have a visible size on screen.
    const drawn = await chart.locator("rect.bar").evaluateAll((rects) => rects.filter((r) => r.getBoundingClientRect().width > 0.5 && r.getBoundingClientRect().height > 3).length);
    expect([id, drawn > bars / 2]).toEqual([id, true]);
    await expect(page.getByRole("img", { name: /./ }).nth(expected.findIndex(([i]) => i === id)).getAttribute("aria-labelledby")).resolves.toBe(`${id}-chart-title ${id}-chart-desc`);
    expect([id, await page.locator(`#${id}-figure + .figures table`).count()]).toEqual([id, 1]);
  }
  expect(await page.locator("#coverage-figure line.target-at").count()).toBe(report.minInstalledShare > 0 ? 2 : 1);
});

test("printed on A4, the chart and its table stack and no chart is wider than the page", async () => {
  const { page } = tab;
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: A4_PRINTABLE_PX, height: 1100 });
  const widths = await page.locator("svg.chart").evaluateAll((svgs) => svgs.map((s) => Math.ceil(s.getBoundingClientRect().right)));
  expect(widths).toHaveLength(3);
  for (const right of widths) expect(right).toBeLessThanOrEqual(A4_PRINTABLE_PX);
  expect(await page.locator("nav").isVisible()).toBe(false);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("a full-page screenshot at 1280 px for docs/screenshots/report-light.png", async () => {
  const { page } = tab;
  await page.screenshot({ path: join(SCREENSHOTS, "report-light.png"), fullPage: true });
  expect(otherRequests).toEqual([]);
});
