/**
 * The validate flow from the keyboard alone: choose the Validate view, run the check, activate an issue, and the
 * grid selects its cell; then fix an issue: Fix opens its preview with focus on Apply, Enter applies, and focus
 * lands on the Issues heading rather than the page start. Tab moves between controls and Enter or Space activates
 * them. One exception: Fluent's TabList follows the WAI-ARIA tabs pattern, so the views' tab list is one Tab stop
 * and the arrow keys move between its tabs.
 */
import { pageForTests } from "./support/browser";
import { focused, tabTo } from "./support/keyboard";
import { gridCell, openWorkbench, pane, selectedAddresses } from "./support/workbench";

const tab = pageForTests();

test("choose Validate, run it and go to an issue's cell, with the keyboard only", async () => {
  const { page } = tab;
  await openWorkbench(page, { example: "trust-adhoc-sheet", view: "template" });
  await pane(page).getByRole("list", { name: "Sheets to add" }).waitFor();

  // The views' tab list: Tab reaches the selected tab; the arrow keys move to Validate; Enter chooses it.
  await tabTo(page, (f) => f.role === "tab" && f.name === "Template", "the Template tab");
  for (let i = 0; i < 10 && (await focused(page)).name !== "Validate"; i++) await page.keyboard.press("ArrowRight");
  expect(await focused(page)).toMatchObject({ role: "tab", name: "Validate" });
  await page.keyboard.press("Enter");
  await pane(page).getByRole("heading", { level: 2, name: "Validate" }).waitFor();
  // Showing the view checks the sheet; Re-validate is disabled (out of the Tab order) while that check runs.
  await pane(page).getByRole("status").filter({ hasText: /^6 errors, 18 warnings/ }).waitFor();

  await tabTo(page, (f) => f.tag === "BUTTON" && f.name === "Re-validate", "the Re-validate button");
  await page.keyboard.press("Enter");
  await pane(page).getByRole("button", { name: "Re-validate" }).and(pane(page).locator(":enabled")).waitFor();
  await pane(page).getByRole("status").filter({ hasText: /^6 errors, 18 warnings/ }).waitFor();

  // An issue is a button: Space on it selects its cell in the grid.
  await tabTo(page, (f) => f.tag === "BUTTON" && f.name.includes('G5: "12/31/2019"'), "the issue in G5");
  await page.keyboard.press("Space");
  await page.getByTestId("selection").filter({ hasText: "Selected: EPR position!G5" }).waitFor();
  expect(await selectedAddresses(page)).toEqual(["G5"]);

  // And Enter on a later issue moves the selection on.
  await tabTo(page, (f) => f.tag === "BUTTON" && f.name.includes('S6: "about 40"'), "the issue in S6");
  await page.keyboard.press("Enter");
  await page.getByTestId("selection").filter({ hasText: "Selected: EPR position!S6" }).waitFor();
  expect(await selectedAddresses(page)).toEqual(["S6"]);
  expect(tab.errors).toEqual([]);
});

test("reach an issue, open its Fix and apply it with Enter, with the keyboard only", async () => {
  const { page } = tab;
  await openWorkbench(page, { example: "trust-adhoc-sheet", view: "validate" });
  const view = pane(page);
  await view.getByRole("status").filter({ hasText: /^6 errors, 18 warnings/ }).waitFor();

  // The issue, then its Fix: the next Tab stop after it.
  await tabTo(page, (f) => f.tag === "BUTTON" && f.name.includes('G5: "12/31/2019"'), "the issue in G5");
  await page.keyboard.press("Enter");
  await page.getByTestId("selection").filter({ hasText: "Selected: EPR position!G5" }).waitFor();
  await page.keyboard.press("Tab");
  expect(await focused(page)).toMatchObject({ tag: "BUTTON", name: "Fix G5" });

  // Enter opens the preview under the issue, with focus on Apply.
  await page.keyboard.press("Enter");
  const preview = view.getByRole("listitem").filter({ hasText: 'G5: "12/31/2019"' }).getByRole("region", { name: "Changes to apply" });
  await preview.waitFor();
  expect(await preview.getByRole("listitem").allTextContents()).toEqual(["EPR position!G5: 12/31/2019 → 31/12/2019"]);
  expect(await focused(page)).toMatchObject({ tag: "BUTTON", name: "Apply" });

  // Enter applies: the cell holds the day-first date, the error is gone, and focus is on the Issues heading.
  await page.keyboard.press("Enter");
  await gridCell(page, "G5").filter({ hasText: /^31\/12\/2019$/ }).waitFor();
  await view.getByRole("status").filter({ hasText: /^5 errors, 18 warnings/ }).waitFor();
  await preview.waitFor({ state: "detached" });
  expect(await focused(page)).toMatchObject({ tag: "H3", name: "Issues" });
  expect(await view.getByRole("button", { name: /G5: "12\/31\/2019"/ }).count()).toBe(0);
  expect(tab.errors).toEqual([]);
});

/*
 * Re-validate (a BusyButton) stays focusable while its check runs (disabledFocusable), so Enter on it keeps the
 * keyboard user's place instead of dropping focus to the page start.
 */
test("Enter on Re-validate leaves focus on it once the check is done", async () => {
  const { page } = tab;
  await openWorkbench(page, { example: "trust-adhoc-sheet", view: "validate" });
  const view = pane(page);
  await view.getByRole("status").filter({ hasText: /^6 errors, 18 warnings/ }).waitFor();
  await tabTo(page, (f) => f.tag === "BUTTON" && f.name === "Re-validate", "the Re-validate button");
  await page.keyboard.press("Enter");
  await view.getByRole("button", { name: "Re-validate" }).and(view.locator(":enabled")).waitFor();
  await view.getByRole("status").filter({ hasText: /^6 errors, 18 warnings/ }).waitFor();
  expect(await focused(page)).toMatchObject({ tag: "BUTTON", name: "Re-validate" });
});
