/**
 * Every task-pane view, light and dark: axe finds no serious or critical violation on the page (the workbench
 * and the pane together), and a screenshot of the pane at its 350 px width goes to docs/screenshots/.
 */
import type { Page } from "playwright-core";
import { pageForTests } from "./support/browser";
import { openWorkbench, pane, screenshotPage, screenshotPane, seriousViolations, type WorkbenchParams } from "./support/workbench";

type View = NonNullable<WorkbenchParams["view"]>;
type Theme = NonNullable<WorkbenchParams["theme"]>;

interface ViewCase {
  readonly view: View;
  readonly example?: WorkbenchParams["example"];
  /** Brings the view to the state the screenshot shows. */
  readonly ready: (page: Page) => Promise<void>;
}

const CASES: readonly ViewCase[] = [
  {
    view: "template",
    ready: async (page) => {
      await page.getByRole("button", { name: "New blank workbook" }).click();
      await pane(page).getByRole("list", { name: "Sheets to add" }).waitFor();
    },
  },
  { view: "merge", example: "clean-ics-return", ready: (page) => pane(page).getByText("Trusts has 8 trust rows now.").waitFor() },
  { view: "columns", example: "trust-adhoc-sheet", ready: (page) => pane(page).getByText("Headers found in row 3").waitFor() },
  {
    view: "validate",
    example: "trust-adhoc-sheet",
    ready: async (page) => {
      await pane(page).getByRole("status").filter({ hasText: /^6 errors/ }).waitFor();
      await pane(page).getByRole("button", { name: "Mark", exact: true }).click();
      await page.locator("td[data-mark]").first().waitFor();
      await pane(page).getByRole("button", { name: /G5: "12\/31\/2019"/ }).click();
      await page.locator('td[data-selected="true"]').waitFor();
    },
  },
  { view: "scores", example: "clean-ics-return", ready: (page) => pane(page).locator("caption", { hasText: "Funding" }).waitFor() },
  { view: "export", example: "clean-ics-return", ready: (page) => pane(page).getByRole("link", { name: "Download CSV" }).waitFor() },
  {
    view: "stamp",
    example: "clean-ics-return",
    ready: async (page) => {
      await pane(page).getByText("Ready to send; 8 trust rows.").waitFor();
      await pane(page).getByRole("status").filter({ hasText: "Not stamped yet." }).waitFor();
    },
  },
];

const THEMES: readonly Theme[] = ["light", "dark"];

const tab = pageForTests(1280, 800);

describe.each(THEMES)("%s theme", (theme) => {
  test("the workbench with no workbook open has no serious accessibility violation", async () => {
    await openWorkbench(tab.page, { theme });
    await tab.page.getByText("The task pane appears here once a workbook is open.").waitFor();
    expect(await seriousViolations(tab.page)).toEqual([]);
  });

  test.each(CASES.map((c) => [c.view, c] as const))("the %s view: no serious accessibility violation; screenshot", async (_, c) => {
    const { page } = tab;
    await openWorkbench(page, { theme, view: c.view, ...(c.example ? { example: c.example } : {}) });
    await c.ready(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotPane(page, `pane-${c.view}-${theme}.png`);
    // The validate view with marks and a selected cell shows the whole workbench best.
    if (c.view === "validate") await screenshotPage(page, `workbench-${theme}.png`);
    expect(tab.errors).toEqual([]);
  });
});
