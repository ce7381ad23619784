/**
 * The task pane's page in Internet Explorer's webview (Trident), where its bundles cannot run: taskpane.html holds
 * a plain message, hidden, and webview-check.js (plain ES5, copied as is) shows it when the user agent says
 * Trident. Loaded here in jsdom from the template, with the script fetched from disk (Office.js is not fetched).
 * test/e2e/taskpane.e2e.ts checks the built page in Chromium.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "acorn";
import { JSDOM, ResourceLoader } from "jsdom";

const TASKPANE_DIR = join(__dirname, "..", "..", "src", "taskpane");
const TEMPLATE = join(TASKPANE_DIR, "taskpane.html");
const SCRIPT = join(TASKPANE_DIR, "webview-check.js");

/** Excel's Trident webview on Windows 10 (Internet Explorer 11's user agent). */
const TRIDENT = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";
/** WebView2 (Edge, Chromium-based). */
const WEBVIEW2 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";
/** Excel on Mac (WKWebView). */
const WKWEBVIEW = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";

/** Loads files from disk only: Office.js (https) is not fetched. */
class LocalFilesOnly extends ResourceLoader {
  override fetch(url: string, options: Parameters<ResourceLoader["fetch"]>[1]) {
    return url.startsWith("file:") ? super.fetch(url, options) : null;
  }
}

async function openPane(userAgent: string): Promise<Document> {
  const dom = new JSDOM(readFileSync(TEMPLATE, "utf8"), {
    url: pathToFileURL(TEMPLATE).href,
    runScripts: "dangerously",
    resources: new LocalFilesOnly({ userAgent }),
    userAgent,
  });
  await new Promise<void>((resolve) => dom.window.addEventListener("load", () => resolve()));
  return dom.window.document;
}

function shown(element: HTMLElement | null): boolean {
  return element !== null && !element.hidden && element.style.display !== "none";
}

describe("the task pane's message for Internet Explorer's webview", () => {
  it("shows in Trident, saying what EPR Return needs and what to do", async () => {
    const document = await openPane(TRIDENT);
    const message = document.getElementById("webview-message");
    expect(shown(message)).toBe(true);
    const text = message?.textContent?.replace(/\s+/g, " ") ?? "";
    expect(text).toContain("EPR Return needs Microsoft Edge WebView2.");
    expect(text).toContain("install the Microsoft Edge WebView2 Runtime");
    expect(text).toContain("Excel on the web");
  });

  it.each([["WebView2", WEBVIEW2], ["WKWebView", WKWEBVIEW]])("stays hidden in %s, where the pane runs", async (_name, userAgent) => {
    const document = await openPane(userAgent);
    expect(document.getElementById("webview-message")).not.toBeNull();
    expect(shown(document.getElementById("webview-message"))).toBe(false);
  });

  it("sits inside #container, so React's first render of the pane replaces it", async () => {
    const document = await openPane(WEBVIEW2);
    expect(document.getElementById("webview-message")?.parentElement?.id).toBe("container");
  });

  it("is plain ES5 that Trident can run: no module syntax, no let/const, no arrow functions", () => {
    expect(() => parse(readFileSync(SCRIPT, "utf8"), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(() => parse("(() => 1)();", { ecmaVersion: 5, sourceType: "script" })).toThrow();
  });

  it("is loaded by the page from its own origin (the Content-Security-Policy allows no inline script)", () => {
    const html = readFileSync(TEMPLATE, "utf8");
    expect(html).toMatch(/<script src="webview-check\.js"><\/script>/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
