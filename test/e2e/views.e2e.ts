/**
 * Every task-pane view, light and dark: axe finds no serious or critical violation on the page (the workbench
 * and the pane together), the pane does not scroll sideways, and a screenshot of the pane at 350 px (Excel's default
 * task-pane width) goes to docs/screenshots/, with one of the whole workbench (README.md shows them).
 */
import type { Page } from "playwright-core";
import { pageForTests } from "./support/browser";
import { expectPaneFits } from "./support/pane";
import { grid, openWorkbench, pane, screenshotPage, screenshotPane, seriousViolations, setPaneWidth, type WorkbenchParams } from "./support/workbench";

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

/** Excel's default task-pane width, which the screenshots show (set here, whatever the workbench's own default). */
const SCREENSHOT_PANE_WIDTH = 350;
/** The window the workbench is shown in: a laptop's. */
const WORKBENCH_SHOT_WIDTH = 1440;

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
    await setPaneWidth(page, SCREENSHOT_PANE_WIDTH);
    await c.ready(page);
    expect(await seriousViolations(page)).toEqual([]);
    await expectPaneFits(page, `the ${c.view} view, ${theme}`);
    await screenshotPane(page, `pane-${c.view}-${theme}.png`);
    // The validate view with marks and a selected cell shows the whole workbench best: in a window wide enough for the
    // grid to show the sheet from column A to the selected date in G (going to G5 scrolled a narrower grid sideways).
    if (c.view === "validate") {
      await page.setViewportSize({ width: WORKBENCH_SHOT_WIDTH, height: 800 });
      await grid(page).evaluate((el) => el.scrollTo({ left: 0 }));
      await screenshotPage(page, `workbench-${theme}.png`);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect(tab.errors).toEqual([]);
  });
});
