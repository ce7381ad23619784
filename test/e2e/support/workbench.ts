/** Driving the workbench page: opening it, finding the task pane and the grid, saving, downloading, screenshots. */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { baseUrl } from "./browser";
import { loadXlsx, REPO } from "./workbook";
import type ExcelJS from "exceljs";
import type { ViewName } from "../../../src/ui/App";

export const SCREENSHOTS = join(REPO, "docs", "screenshots");

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface WorkbenchParams {
  readonly example?: "clean-ics-return" | "mid-plan-return" | "trust-adhoc-sheet";
  readonly view?: ViewName;
  readonly theme?: "light" | "dark";
}

export async function openWorkbench(page: Page, params: WorkbenchParams = {}): Promise<void> {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined)).toString();
  await page.goto(`${baseUrl()}/workbench.html${query ? `?${query}` : ""}`);
  await page.getByTestId("workbench").waitFor();
  if (params.example) await page.getByTestId("file-name").filter({ hasText: `${params.example}.xlsx` }).waitFor();
}

export function pane(page: Page): Locator {
  return page.getByTestId("task-pane");
}

/** Opens a file through the workbench's file picker (the toolbar's hidden file input). */
export async function openFile(page: Page, name: string, buffer: Buffer, mimeType = XLSX_TYPE): Promise<void> {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType, buffer });
  await page.getByTestId("file-name").filter({ hasText: name }).waitFor();
}

/**
 * Sets the task pane's width, as a user drags Excel's pane edge (320 px is the narrowest Excel allows). It holds
 * until the page is loaded again (openWorkbench), across the workbooks opened meanwhile.
 */
export async function setPaneWidth(page: Page, width: number): Promise<void> {
  await pane(page).evaluate((el, w) => {
    el.style.width = `${w}px`;
  }, width);
}

/** Whether the task pane or the page scrolls sideways (its content is wider than it). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return pane(page).evaluate(
    (el) => el.scrollWidth > el.clientWidth || document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/** Types `text` into a grid cell (double-click, type, Enter), as a user corrects a cell, and waits for the grid to show it. */
export async function editCell(page: Page, address: string, text: string): Promise<void> {
  await gridCell(page, address).dblclick();
  const input = page.getByRole("textbox", { name: `Edit ${address}` });
  await input.fill(text);
  await input.press("Enter");
  // Exactly the new text (a string filter would match the old text in another case: "rz2" for "RZ2"), and the words
  // a marked cell adds for screen readers.
  await gridCell(page, address).filter({ hasText: new RegExp(`^${escapeRegExp(text)}( \\(marked as an? (error|warning)\\))?$`) }).waitFor();
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function grid(page: Page): Locator {
  return page.getByTestId("grid");
}

export function gridCell(page: Page, address: string): Locator {
  return grid(page).locator(`td[data-address="${address}"]`);
}

/** The addresses of the cells the grid shows as selected. */
export async function selectedAddresses(page: Page): Promise<string[]> {
  return grid(page).locator('td[data-selected="true"]').evaluateAll((cells) => cells.map((c) => c.getAttribute("data-address") ?? ""));
}

/** The grid's marked cells, address → severity. */
export async function markedCells(page: Page): Promise<Record<string, string>> {
  return grid(page)
    .locator("td[data-mark]")
    .evaluateAll((cells) => Object.fromEntries(cells.map((c) => [c.getAttribute("data-address") ?? "", c.getAttribute("data-mark") ?? ""])));
}

export async function sheetTabs(page: Page): Promise<string[]> {
  return page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts();
}

/** Shows a task-pane view by clicking its tab. */
export async function showView(page: Page, label: "Template" | "Merge" | "Columns" | "Validate" | "Scores" | "Export" | "Stamp" | "Compare"): Promise<void> {
  await pane(page).getByRole("tablist", { name: "Views" }).getByRole("tab", { name: label }).click();
  await pane(page).getByRole("heading", { level: 2, name: label }).waitFor();
}

/** Runs `action` and returns the bytes of the download it starts. */
export async function downloadOf(page: Page, action: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), action()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

/**
 * Saves the workbook (the toolbar's Save) and reads the downloaded .xlsx with exceljs. lossWarning: the opened file
 * held more than values (formulas, formatting, …), so Save first names them and is answered "Save a copy".
 */
export async function saveWorkbook(page: Page, { lossWarning = false } = {}): Promise<{ name: string; workbook: ExcelJS.Workbook }> {
  const { name, bytes } = await downloadOf(page, async () => {
    await page.getByRole("button", { name: "Save .xlsx" }).click();
    if (lossWarning) await page.getByRole("alertdialog", { name: "Save the values only?" }).getByRole("button", { name: "Save a copy" }).click();
  });
  // While the dialog closes, Fluent keeps the page behind it aria-hidden: wait until it is gone.
  if (lossWarning) await page.getByRole("alertdialog", { name: "Save the values only?" }).waitFor({ state: "detached" });
  return { name, workbook: await loadXlsx(bytes) };
}

/**
 * Fluent UI's focus manager (tabster) puts focusable aria-hidden "dummy" elements around arrow-key groups
 * such as TabList, to hand focus on; axe reports them under aria-hidden-focus. Fluent calls this by design
 * (microsoft/fluentui#27517) and Accessibility Insights suppresses it (accessibility-insights-web#7605):
 * so do we, for those elements only.
 */
function isTabsterDummy(ruleId: string, html: string): boolean {
  return ruleId === "aria-hidden-focus" && html.includes("data-tabster-dummy");
}

/** The serious and critical axe violations on the page, one line each (empty when there are none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page alone: the default opens a blank page per run to merge frame results,
  // which costs seconds, and the workbench has no frames.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")})`);
}

/** A screenshot of the task pane at its 350 px width, the window made tall enough to show the whole view. */
export async function screenshotPane(page: Page, file: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const target = pane(page);
  const height = await target.evaluate((el) => Math.ceil(el.getBoundingClientRect().top + el.scrollHeight));
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, 600), 4000) });
  const path = join(SCREENSHOTS, file);
  // The pane's content, without the workbench's 1 px border: exactly the task pane's width.
  await target.locator(":scope > *").first().screenshot({ path, animations: "disabled" });
  await page.setViewportSize(viewport);
  return path;
}

export async function screenshotPage(page: Page, file: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, file);
  await page.screenshot({ path, animations: "disabled" });
  return path;
}
