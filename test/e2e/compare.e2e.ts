/**
 * The Compare view in the workbench: open a return (the mid-plan example), compare it with its older version (the
 * clean example, the same ICS eighteen months before), see the changes grouped by trust and the headline figures,
 * go to a change's cell from the keyboard, mark the changed cells (blue conditional formats the add-in owns, in the
 * saved workbook) and clear them; axe finds nothing serious, and at 320 px the pane does not scroll sideways.
 */
import type { Page } from "playwright-core";
import { pageForTests } from "./support/browser";
import { conditionalFormatsOf, exampleBytes, sheet } from "./support/workbook";
import { openWorkbench, pane, saveWorkbook, scrollsSideways, selectedAddresses, seriousViolations, setPaneWidth, XLSX_TYPE } from "./support/workbench";

const NARROWEST_PANE = 320;
const SUMMARY = "3 trusts changed; 2 ICS details changed; 3 trusts moved forward in EPR status.";

const tab = pageForTests();

/**
 * What makes the pane scroll sideways, to name it when it does: elements reaching past the pane's content box, and
 * elements whose own content spills out of them (text that cannot wrap), as `tag: text`.
 */
async function widerThanPane(page: Page): Promise<string[]> {
  return pane(page).evaluate((root) => {
    // The content box's right edge: a vertical scroll bar takes its width from the content.
    const right = root.getBoundingClientRect().left + root.clientLeft + root.clientWidth;
    const spills = (el: Element) => getComputedStyle(el).overflowX === "visible" && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
    return [...root.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > right + 0.5 || spills(el))
      .map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent ?? "").slice(0, 40)} (${el.scrollWidth} px of content in ${el.clientWidth})`);
  });
}

beforeAll(async () => {
  await openWorkbench(tab.page, { example: "mid-plan-return", view: "compare" });
  await setPaneWidth(tab.page, NARROWEST_PANE);
});

test("comparing with the older file shows the changes by trust and the headline figures, and fits 320 px", async () => {
  const { page } = tab;
  const view = pane(page);
  await view.getByRole("heading", { level: 2, name: "Compare" }).waitFor();
  await view.getByLabel("Earlier version of the return").setInputFiles({ name: "clean-ics-return.xlsx", mimeType: XLSX_TYPE, buffer: exampleBytes("clean-ics-return.xlsx") });
  await view.getByRole("status").filter({ hasText: SUMMARY }).waitFor();

  const byTrust = view.getByRole("list", { name: "Changes by trust" });
  expect(await byTrust.getByRole("heading", { level: 3 }).allTextContents()).toEqual([
    "Moorside Hospital NHS Foundation Trust (RZ5), row 6",
    "Fellside Orthopaedic Hospital NHS Foundation Trust (RZ7), row 8",
    "Moor and Fell Partnership NHS Foundation Trust (RZ8), row 9",
  ]);
  await byTrust.getByRole("button", { name: "EPR status: Implementing → Live (progress)" }).waitFor();
  await byTrust.getByRole("button", { name: "Convergence plan: Converge → Keep (a step back)" }).waitFor();
  await view.getByRole("list", { name: "ICS details changed" }).getByText("Target profile: dec-2023 → mar-2026").waitFor();
  await view.getByRole("table").getByText("Headline figures (mar-2026, as of 31 Mar 2026)").waitFor();

  expect(await widerThanPane(page)).toEqual([]);
  expect(await scrollsSideways(page)).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  expect(tab.errors).toEqual([]);
});

test("a change's cell is reached from the keyboard", async () => {
  const { page } = tab;
  const change = pane(page).getByRole("button", { name: "EPR status: Implementing → Live (progress)" });
  await change.focus();
  await page.keyboard.press("Enter");
  await page.locator('td[data-selected="true"][data-address="D6"]').waitFor();
  expect(await selectedAddresses(page)).toEqual(["D6"]);
});

test("Mark changed cells marks them in blue in the sheet, and Clear marks removes exactly that", async () => {
  const { page } = tab;
  const view = pane(page);
  const { workbook: before } = await saveWorkbook(page, { lossWarning: true });
  await view.getByRole("button", { name: "Mark changed cells" }).click();
  await view.getByRole("status").filter({ hasText: /^Marked 16 cells in blue on Trusts\.$/ }).waitFor();
  // The workbench's grid shows the blue marks too.
  await page.locator('td[data-address="D6"][data-mark="changed"]').waitFor();

  const marked = conditionalFormatsOf(sheet((await saveWorkbook(page, { lossWarning: true })).workbook, "Trusts"));
  expect(marked).toContain("EPR-RETURN-MARK-CHANGED");
  expect(marked).toContain("FFBDD7EE");
  expect(marked).toContain("D6");
  expect(await seriousViolations(page)).toEqual([]);

  await view.getByRole("button", { name: "Clear marks" }).click();
  await view.getByRole("status").filter({ hasText: /^Marked / }).waitFor({ state: "detached" });
  const cleared = sheet((await saveWorkbook(page, { lossWarning: true })).workbook, "Trusts");
  expect(conditionalFormatsOf(cleared)).toBe(conditionalFormatsOf(sheet(before, "Trusts")));
  expect(await scrollsSideways(page)).toBe(false);
  expect(tab.errors).toEqual([]);
});
