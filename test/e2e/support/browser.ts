/**
 * Chromium for the end-to-end tests: Debian's (or E2E_CHROMIUM), driven by playwright-core, headless, in a
 * fresh profile. The sandbox and background-network flags are for test machines and CI only.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const TEST_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
] as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with npm run test:e2e (scripts/e2e.js)`);
  return value;
}

/** The origin the built add-in is served from (scripts/e2e.js sets it). */
export function baseUrl(): string {
  return required("E2E_BASE_URL");
}

export interface BrowserSession {
  readonly context: BrowserContext;
  /** A new tab, with the page's console errors and failed requests collected for the test to check. */
  newPage(width?: number, height?: number): Promise<TrackedPage>;
  close(): Promise<void>;
}

export interface TrackedPage {
  readonly page: Page;
  /** Uncaught errors and console errors the page logged so far. */
  readonly errors: string[];
}

export async function launchBrowser(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), "epr-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: required("E2E_CHROMIUM"),
    headless: true,
    args: [...TEST_FLAGS],
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  return {
    context,
    async newPage(width = 1280, height = 800) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console: ${message.text()}`);
      });
      return { page, errors };
    },
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The browser and page a test file works in: launched before its tests, closed after. The returned
 * object reads through to the page once `beforeAll` has run.
 */
export function pageForTests(width?: number, height?: number): TrackedPage {
  let browser: BrowserSession | undefined;
  let tracked: TrackedPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    tracked = await browser.newPage(width, height);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const current = (): TrackedPage => {
    if (!tracked) throw new Error("the page is opened in beforeAll: use it inside a test");
    return tracked;
  };
  return {
    get page() {
      return current().page;
    },
    get errors() {
      return current().errors;
    },
  };
}
