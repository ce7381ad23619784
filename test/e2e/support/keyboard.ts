/** Moving through the page with the Tab key only, as a keyboard user does. */
import type { Page } from "playwright-core";

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
