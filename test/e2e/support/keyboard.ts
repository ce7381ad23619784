/** Moving through the page with the Tab key only, as a keyboard user does. */
import type { Locator, Page } from "playwright-core";

export interface Focused {
  readonly tag: string;
  readonly role: string | null;
  /** The element's accessible-ish name: aria-label, else its visible text. */
  readonly name: string;
}

export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return { tag: "", role: null, name: "" };
    return { tag: el.tagName, role: el.getAttribute("role"), name: (el.getAttribute("aria-label") ?? el.innerText).trim() };
  });
}

/**
 * Presses Tab until the focused element matches; fails after `max` presses (the element is not reachable). The
 * default leaves room for the Validate view's review controls (filters, each issue's Fix and Accept) before an issue
 * low in a report.
 */
export async function tabTo(page: Page, matches: (f: Focused) => boolean, what: string, max = 150): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (matches(now)) return now;
    seen.push(`${now.role ?? now.tag} "${now.name.slice(0, 40)}"`);
  }
  throw new Error(`Tab never reached ${what}; focus went through: ${seen.join(" → ")}`);
}

/** Whether the element the locator finds has focus. */
export function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === el.ownerDocument.activeElement);
}

/**
 * Presses Tab (Shift+Tab when `backwards`) until `target` has focus; fails after `max` presses, naming where focus
 * went. Tab inside the grid moves from cell to cell and leaves it at the row's end, as in Excel, so a path through the
 * grid takes a row's worth of presses.
 */
export async function tabToElement(page: Page, target: Locator, what: string, { backwards = false, max = 200 } = {}): Promise<void> {
  await target.waitFor();
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    seen.push(`${now.role ?? now.tag} "${now.name.slice(0, 30)}"`);
  }
  if (await hasFocus(target)) return;
  throw new Error(`${backwards ? "Shift+Tab" : "Tab"} never reached ${what}; focus went through: ${seen.slice(-40).join(" → ")}`);
}

/** Tabs to `target` and presses `key` on it (Enter by default: a button, a link, a switch with Space). */
export async function pressOn(page: Page, target: Locator, what: string, key = "Enter"): Promise<void> {
  await tabToElement(page, target, what);
  await page.keyboard.press(key);
}

/**
 * Chooses a tab of an ARIA tab list by keyboard, as the WAI-ARIA tabs pattern has it (Fluent's TabList): Tab reaches
 * the list (its selected tab), the arrow keys move between its tabs, Enter chooses. Names, not positions: tabs may be
 * added (a new view) without the tests changing.
 */
export async function chooseTab(page: Page, tablist: Locator, name: string): Promise<void> {
  const tabs = tablist.getByRole("tab");
  await tabToElement(page, tablist.locator('[role="tab"][aria-selected="true"]'), `the selected tab of ${await tablist.getAttribute("aria-label")}`);
  const count = await tabs.count();
  const wanted = tablist.getByRole("tab", { name, exact: true });
  for (const key of ["ArrowRight", "ArrowLeft"]) {
    for (let i = 0; i <= count && !(await hasFocus(wanted)); i++) await page.keyboard.press(key);
    if (await hasFocus(wanted)) break;
  }
  expect(await focused(page)).toMatchObject({ role: "tab", name });
  await page.keyboard.press("Enter");
  await tablist.locator('[role="tab"][aria-selected="true"]', { hasText: name }).waitFor();
}

/** The address of the grid cell that has focus ("" when focus is elsewhere). */
export function focusedCell(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-address") ?? "");
}

/** Types one row into the grid from its focused cell: each value, Tab between them, Enter at the end (back to the row's first column, a row down). */
export async function typeRow(page: Page, values: readonly string[]): Promise<void> {
  for (const [i, value] of values.entries()) {
    if (value !== "") await page.keyboard.type(value);
    await page.keyboard.press(i === values.length - 1 ? "Enter" : "Tab");
  }
}
