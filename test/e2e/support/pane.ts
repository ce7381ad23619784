/** What the task pane says, read the way the tests compare it: the verdict line, the rows checked, the next step, the fit. */
import type { Locator, Page } from "playwright-core";
import { escapeRegExp, pane } from "./workbench";

/**
 * The Validate view's verdict line that starts with `counts`, e.g. "6 errors, 18 warnings" of
 * "6 errors, 18 warnings (5 trust rows, submission date 15 Nov 2023)".
 */
export function verdict(view: Locator, counts: string): Locator {
  return view.getByRole("status").filter({ hasText: new RegExp(`^${escapeRegExp(counts)} \\(`) });
}

/** The Validate view's verdict line when it names `rows`, e.g. "3 trust rows" (the live check has read them). */
export function checkedRows(page: Page, rows: string): Locator {
  return pane(page).getByRole("status").filter({ hasText: `(${rows},` });
}

/** The Validate view's "Next: …" line (the one step the pane offers in this state). */
export function nextStep(page: Page, step: string | RegExp): Locator {
  return pane(page).getByText(typeof step === "string" ? `Next: ${step}` : new RegExp(`^Next: ${step.source}`));
}

/** Whether the task pane scrolls sideways: its content wider than its box (what a 320 px pane must never do). */
export function paneScrollsSideways(page: Page): Promise<boolean> {
  return pane(page).evaluate((el) => el.scrollWidth > el.clientWidth);
}

/** Fails, naming the step, when the pane scrolls sideways. */
export async function expectPaneFits(page: Page, step: string): Promise<void> {
  expect({ step, scrollsSideways: await paneScrollsSideways(page) }).toEqual({ step, scrollsSideways: false });
}
