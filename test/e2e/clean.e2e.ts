/**
 * The ICS's clean return (examples/clean-ics-return.xlsx): the scores the pane shows, Write Summary (the saved
 * file holds the figures sheet) and the CSV export (a BOM, then the trusts).
 */
import type { Locator } from "playwright-core";
import { pageForTests } from "./support/browser";
import { exampleBytes, loadXlsx, sheet } from "./support/workbook";
import { downloadOf, openWorkbench, pane, saveWorkbook, sheetTabs, showView } from "./support/workbench";

const tab = pageForTests();

beforeAll(async () => {
  await openWorkbench(tab.page, { example: "clean-ics-return", view: "scores" });
});

/** The value cell of a figures table's row, by the row's label. */
function figure(view: Locator, caption: string, label: string): Locator {
  return view
    .locator("table", { has: view.page().locator("caption", { hasText: caption }) })
    .locator("tr", { has: view.page().locator("th", { hasText: new RegExp(`^${label.replace(/[()£]/g, "\\$&")}$`) }) })
    .locator("td");
}

test("Scores shows the convergence, coverage and funding of the return", async () => {
  const view = pane(tab.page);
  await view.locator("caption", { hasText: "Convergence" }).waitFor();
  const convergence = (label: string) => figure(view, "Convergence", label).textContent();
  expect(await convergence("Trusts")).toBe("8");
  expect(await convergence("Distinct systems (now)")).toBe("5");
  expect(await convergence("Distinct systems (target)")).toBe("5");
  expect(await convergence("Convergence score (now)")).toBe("0.0");
  expect(await convergence("Convergence score (target)")).toBe("57.1");
  expect(await figure(view, "Coverage", "Installed by target date").textContent()).toBe("5");
  expect(await figure(view, "Coverage", "Target met").textContent()).toBe("No");
  expect(await figure(view, "Funding", "Total cost (£)").textContent()).toBe("£52,100,000");
  expect(await figure(view, "Funding", "Funding gap (£)").textContent()).toBe("£0");
});

test("Write Summary adds the figures sheet, which the saved file holds", async () => {
  const { page } = tab;
  const view = pane(page);
  await view.getByRole("button", { name: "Write Summary" }).click();
  await view.getByText('Figures written to the sheet "EPR Scores".').waitFor();
  await page.getByRole("tab", { name: "EPR Scores" }).waitFor();
  expect(await sheetTabs(page)).toContain("EPR Scores");

  const { workbook } = await saveWorkbook(page, { lossWarning: true });
  const figures = sheet(workbook, "EPR Scores");
  const byLabel = new Map<string, unknown>();
  figures.eachRow((row) => byLabel.set(String(row.getCell(1).value), row.getCell(2).value));
  expect(byLabel.get("Distinct systems (now)")).toBe(5);
  expect(byLabel.get("Convergence score (target)")).toBeCloseTo(57.142857, 5);
  expect(byLabel.get("Total cost (£)")).toBe(52_100_000);
  // The user's sheets are still there.
  expect(sheet(workbook, "Trusts").getCell("A1").value).toBe("Trust ODS code");
});

test("Export downloads a CSV that starts with a BOM and holds every trust", async () => {
  const { page } = tab;
  await showView(page, "Export");
  const view = pane(page);
  await view.getByRole("status").filter({ hasText: "Ready to send; 8 trust rows." }).waitFor();
  const { name, bytes } = await downloadOf(page, () => view.getByRole("link", { name: "Download CSV" }).click());
  expect(name).toBe("Northshire and Dale ICS EPR return 2023-11-15.csv");
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  const text = bytes.subarray(3).toString("utf8");
  const lines = text.split(/\r?\n/).filter((line) => line !== "");
  expect(lines).toHaveLength(1 + 8);
  const trusts = sheet(await loadXlsx(exampleBytes("clean-ics-return.xlsx")), "Trusts");
  const codes: string[] = [];
  trusts.eachRow((row, n) => {
    if (n > 1) codes.push(String(row.getCell(1).value));
  });
  expect(codes).toHaveLength(8);
  for (const code of codes) expect(text).toContain(code);
  expect(tab.errors).toEqual([]);
});
