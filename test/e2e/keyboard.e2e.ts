/**
 * The validate flow from the keyboard alone: choose the Validate view, run the check, activate an issue, and the
 * grid selects its cell. Tab moves between controls and Enter or Space activates them. One exception: Fluent's
 * TabList follows the WAI-ARIA tabs pattern, so the views' tab list is one Tab stop and the arrow keys move
 * between its tabs.
 */
import { pageForTests } from "./support/browser";
import { focused, tabTo } from "./support/keyboard";
import { openWorkbench, pane, selectedAddresses } from "./support/workbench";

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

  await tabTo(page, (f) => f.tag === "BUTTON" && f.name === "Re-validate", "the Re-validate button");
  await page.keyboard.press("Enter");
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
