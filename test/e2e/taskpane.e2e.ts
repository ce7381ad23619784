/**
 * The built taskpane.html (Content-Security-Policy and all) in Chromium, with a stand-in for Office.js (the tests
 * never reach appsforoffice.microsoft.com):
 *  - in Internet Explorer's webview (Trident's user agent; the bundles blocked, as they cannot run there) the page
 *    shows its plain message, through webview-check.js, which the page's CSP lets load;
 *  - in a modern webview the pane renders over it and the message is gone.
 */
import type { Page } from "playwright-core";
import { baseUrl, launchBrowser, type BrowserSession, type TrackedPage } from "./support/browser";

const TRIDENT = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";

/** Just enough of Office.js for the pane's entry: Office.onReady reports Excel on Windows. */
const OFFICE_JS_STAND_IN = `
window.Office = {
  context: { platform: "PC", requirements: { isSetSupported: function () { return true; } } },
  onReady: function (callback) {
    var info = { host: "Excel", platform: "PC" };
    if (callback) setTimeout(function () { callback(info); }, 0);
    return Promise.resolve(info);
  }
};`;

let browser: BrowserSession;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

async function openTaskpane(options: { userAgent?: string; blockBundles?: boolean }): Promise<TrackedPage & { cspViolations: string[] }> {
  const tracked = await browser.newPage(350, 800);
  const page: Page = tracked.page;
  if (options.userAgent) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setUserAgentOverride", { userAgent: options.userAgent });
  }
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_JS_STAND_IN }));
  if (options.blockBundles) await page.route(/\/(taskpane|functions)\.js(\?.*)?$/, (route) => route.abort());
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${baseUrl()}/taskpane.html`);
  return { ...tracked, page, cspViolations };
}

test("in Internet Explorer's webview the pane shows what EPR Return needs instead of a blank page", async () => {
  const { page, cspViolations } = await openTaskpane({ userAgent: TRIDENT, blockBundles: true });
  expect(await page.evaluate(() => navigator.userAgent)).toContain("Trident/7.0");
  const message = page.locator("#webview-message");
  await message.waitFor({ state: "visible" });
  await expect(message.textContent()).resolves.toContain("EPR Return needs Microsoft Edge WebView2.");
  expect(await page.getByRole("heading", { name: "EPR Return cannot start here" }).isVisible()).toBe(true);
  expect(cspViolations).toEqual([]);
  await page.close();
});

test("in a modern webview the pane renders and the message is gone", async () => {
  const { page, errors, cspViolations } = await openTaskpane({});
  await page.getByRole("heading", { name: "EPR Return", exact: true }).waitFor();
  await page.getByRole("tablist", { name: "Views" }).waitFor();
  expect(await page.locator("#webview-message").count()).toBe(0);
  expect(await page.getByText("EPR Return needs Microsoft Edge WebView2").count()).toBe(0);
  expect(cspViolations).toEqual([]);
  // The stand-in has no Excel, so the pane reports that it cannot list the sheets; nothing else may fail.
  expect(errors.filter((error) => !/Excel/.test(error))).toEqual([]);
  await page.close();
});
