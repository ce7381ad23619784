// Workbench time to interactive in headless Chromium: serves a built dist folder (argument 1) on a
// free localhost port and, in a fresh browser context each run (cold cache), measures from the
// navigation's start to a ready element being visible: performance.now() in the page at that
// moment (the page's clock starts at navigation). Two pages: the workbench with no workbook (ready:
// its "Open a workbook…" button; the task pane shows only a hint until a workbook is open) and with an
// example workbook (ready: the task pane's first tab). Prints JSON.
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const CHROMIUM = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".xlsx": "application/octet-stream", ".xml": "application/xml", ".png": "image/png" };

function serve(root) {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.join(root, path.normalize(urlPath).replace(/^([/\\])+/, ""));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeToReady(browser, url, ready) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: "commit" });
    await ready(page).waitFor({ state: "visible", timeout: 120_000 });
    // Runs in the page: its performance clock starts at navigation.
    const ms = await page.evaluate(() => globalThis.performance.now());
    return { ms, errors };
  } finally {
    await context.close();
  }
}

/**
 * The task pane's Merge in the workbench: ten typical returns (copies of the examples) given to "Add workbook
 * files" at once, timed from handing them over until every file's card shows and the reading spinner is gone.
 */
async function timeMerge(browser, base, files) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/workbench.html?example=clean-ics-return`);
    const pane = page.getByTestId("task-pane");
    await pane.getByRole("tab", { name: "Merge" }).click();
    const input = pane.getByLabel("Add workbook files");
    await input.waitFor({ state: "attached", timeout: 120_000 });
    const started = Date.now();
    await input.setInputFiles(files);
    await pane.getByText(path.basename(files[files.length - 1]), { exact: false }).first().waitFor({ state: "visible", timeout: 120_000 });
    await pane.getByText("Reading the files…").waitFor({ state: "hidden", timeout: 120_000 });
    return Date.now() - started;
  } finally {
    await context.close();
  }
}

function mergeFiles() {
  const dir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "epr-merge-bench-"));
  const examples = ["clean-ics-return.xlsx", "mid-plan-return.xlsx"].map((name) => path.join(__dirname, "..", "..", "examples", name));
  return Array.from({ length: 10 }, (_, i) => {
    const file = path.join(dir, `return-${String(i + 1).padStart(2, "0")}.xlsx`);
    fs.copyFileSync(examples[i % examples.length], file);
    return file;
  });
}

async function measure(distDir, runs = 5) {
  const root = path.resolve(distDir);
  if (!fs.existsSync(path.join(root, "workbench.html"))) return { measured: false, reason: `no workbench.html in ${root}` };
  if (!fs.existsSync(CHROMIUM)) return { measured: false, reason: `no Chromium at ${CHROMIUM}` };
  const { chromium } = require("playwright-core");
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const pages = {
      blank: { url: "/workbench.html", ready: (page) => page.getByRole("button", { name: "Open a workbook…" }), readyWhen: "the Open a workbook… button is visible" },
      example: { url: "/workbench.html?example=clean-ics-return", ready: (page) => page.getByTestId("task-pane").getByRole("tab").first(), readyWhen: "the task pane's first tab is visible" },
    };
    const result = { measured: true, runs, pages: {} };
    for (const [name, { url: page, ready, readyWhen }] of Object.entries(pages)) {
      const times = [];
      const errors = new Set();
      for (let i = 0; i < runs; i++) {
        const run = await timeToReady(browser, base + page, ready);
        times.push(run.ms);
        run.errors.forEach((e) => errors.add(e));
      }
      result.pages[name] = { url: page, readyWhen, medianMs: Math.round(median(times)), timesMs: times.map(Math.round), errors: [...errors] };
    }
    const files = mergeFiles();
    const mergeTimes = [];
    for (let i = 0; i < runs; i++) mergeTimes.push(await timeMerge(browser, base, files));
    result.merge = { files: files.length, medianMs: Math.round(median(mergeTimes)), timesMs: mergeTimes };
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}

if (require.main === module) {
  measure(process.argv[2] ?? "dist").then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error) => {
      process.stdout.write(`${JSON.stringify({ measured: false, reason: error instanceof Error ? error.message.split("\n")[0] : String(error) })}\n`);
    },
  );
}

module.exports = { measure };
