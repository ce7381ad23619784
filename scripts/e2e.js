#!/usr/bin/env node
/**
 * npm run test:e2e: the end-to-end tests of the workbench (the real task pane over the exceljs gateway)
 * in Chromium. Builds the add-in (webpack, production, as deployed) into a temporary folder, serves it on a free
 * localhost port with a tiny static server, and runs test/e2e/*.e2e.ts with jest, which drive Debian's
 * Chromium through playwright-core. Never downloads a browser.
 *
 *   npm run test:e2e                          # build, serve, test
 *   npm run test:e2e -- -t "keyboard"         # further arguments go to jest
 *   E2E_DIST=/tmp/built npm run test:e2e      # test an existing build (skips webpack)
 *   E2E_MODE=development npm run test:e2e     # a development build (React's warnings; slower pages)
 *   E2E_CHROMIUM=/path/to/chrome npm run test:e2e   # another Chromium (default /usr/bin/chromium)
 *
 * Screenshots of each view land in docs/screenshots/.
 */
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const { spawn } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_CHROMIUM = "/usr/bin/chromium";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".css": "text/css",
  ".xml": "application/xml",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
};

/** Runs a node script to its end, with the output shown; resolves to its exit code. */
function runNode(args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** The file under `root` a request path names, or null when it would leave `root`. */
function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]);
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
  const file = path.resolve(root, `.${decoded.endsWith("/") ? `${decoded}index.html` : decoded}`);
  return file === root || file.startsWith(`${root}${path.sep}`) ? file : null;
}

/** A static file server for `root` on a free localhost port; resolves to { server, origin }. */
function serve(root) {
  const server = http.createServer((request, response) => {
    const file = fileFor(root, request.url ?? "/");
    if (file === null || request.method !== "GET") {
      response.writeHead(file === null ? 403 : 405).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(error.code === "ENOENT" || error.code === "EISDIR" ? 404 : 500, { "Content-Type": "text/plain" }).end(error.code);
        return;
      }
      response.writeHead(200, { "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" }).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main() {
  const chromium = process.env.E2E_CHROMIUM || DEFAULT_CHROMIUM;
  if (!fs.existsSync(chromium)) {
    console.error(
      `e2e: no Chromium at ${chromium}. Install Debian's (apt-get install chromium) or point E2E_CHROMIUM at a Chromium or Chrome; this runner never downloads a browser.`,
    );
    return 1;
  }

  const started = Date.now();
  let dist = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : null;
  const temporary = dist === null ? fs.mkdtempSync(path.join(os.tmpdir(), "epr-e2e-")) : null;
  try {
    if (dist === null) {
      dist = temporary;
      // Production by default: the build takes longer, but its pages load and run several times faster,
      // which wins over a dozen page loads, and it is what users get.
      const mode = process.env.E2E_MODE === "development" ? "development" : "production";
      console.log(`e2e: building the add-in (${mode}) into ${dist} ...`);
      const webpackCli = require.resolve("webpack-cli/bin/cli.js");
      // A production build needs ADDIN_ORIGIN (webpack.config.js refuses without it); it only changes the copied
      // manifest, which these tests do not use, so the localhost placeholder is named explicitly.
      const buildEnv = { ...process.env, ADDIN_ORIGIN: process.env.ADDIN_ORIGIN || "https://localhost:3000/" };
      const code = await runNode([webpackCli, "--mode", mode, "--output-path", dist, "--stats", "errors-only"], buildEnv);
      if (code !== 0) {
        console.error(`e2e: the build failed (webpack exited with ${code})`);
        return 1;
      }
      console.log(`e2e: built in ${seconds(started)}`);
    }
    if (!fs.existsSync(path.join(dist, "workbench.html"))) {
      console.error(`e2e: ${dist} holds no workbench.html: build it first (npm run build:dev) or unset E2E_DIST`);
      return 1;
    }

    const { server, origin } = await serve(dist);
    console.log(`e2e: serving ${dist} at ${origin}`);
    const testsStarted = Date.now();
    try {
      // jest's package exports hide bin/jest.js from require.resolve: find it beside its package.json.
      const jest = path.join(path.dirname(require.resolve("jest/package.json")), "bin", "jest.js");
      const env = { ...process.env, E2E_BASE_URL: origin, E2E_CHROMIUM: chromium };
      const code = await runNode([jest, "--config", path.join("test", "e2e", "jest.config.js"), ...process.argv.slice(2)], env);
      console.log(`e2e: tests ${code === 0 ? "passed" : "FAILED"} in ${seconds(testsStarted)} (all: ${seconds(started)})`);
      return code;
    } finally {
      server.close();
    }
  } finally {
    if (temporary !== null) fs.rmSync(temporary, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`e2e: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  },
);
