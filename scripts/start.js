#!/usr/bin/env node
/**
 * npm start: builds the add-in (development) and serves it on port 3000 with
 * webpack-dev-server, in the background; `npm stop` ends it.
 *
 *   npm start                 # https with the Office dev certificates where available, else http
 *   npm start -- --no-open    # never sideload into Excel, never prompt (also when CI is set)
 *   HTTP=1 npm start          # plain http (the workbench and CI need no certificates)
 *
 * With Excel desktop (Windows, macOS) and office-addin-debugging installed (it
 * is not a dependency), the add-in is sideloaded; otherwise this prints how to
 * sideload it, or the workbench address.
 */
const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const os = require("node:os");
const path = require("node:path");
const { spawn, spawnSync } = require("node:child_process");
const { devServerTls, DEV_PORT } = require("../webpack.config.js");
const { PID_FILE, LOG_FILE, readServerRecord, isRunning, officeAddinDebugging } = require("./stop");

const ROOT = path.resolve(__dirname, "..");
const READY_TIMEOUT_MS = 5 * 60 * 1000;
const POLL_MS = 1000;

function parseArgs(argv) {
  const options = { open: true };
  for (const arg of argv) {
    if (arg === "--no-open") options.open = false;
    else if (arg === "--help" || arg === "-h") options.help = true;
    else return { error: `unknown option ${arg}` };
  }
  return options;
}

/** Resolves true when the page answers 200, false on any other answer or error (the server may still be building). */
function answers(url, ca) {
  return new Promise((resolve) => {
    const client = url.startsWith("https:") ? https : http;
    const request = client.get(url, { ca, timeout: 10_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntilReady(child, url, ca) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if (await answers(url, ca)) return true;
    await sleep(POLL_MS);
  }
  return false;
}

function logTail(lines = 30) {
  if (!fs.existsSync(LOG_FILE)) return "";
  return fs.readFileSync(LOG_FILE, "utf8").split("\n").slice(-lines).join("\n");
}

function sideloadInstructions(origin) {
  const manifest = path.join(ROOT, "manifest.xml");
  const lines = [
    "To use the add-in in Excel, sideload the manifest:",
    `  Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in > ${manifest}`,
  ];
  if (os.platform() === "darwin") lines.push(`  Excel for Mac: copy ${manifest} to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel`);
  if (os.platform() === "win32") lines.push("  Excel for Windows: share the folder holding manifest.xml, add it as a Trusted Add-in Catalog, then Insert > My Add-ins > Shared Folder");
  lines.push(`Excel needs https: the manifest points at ${origin}.`);
  return lines.join("\n");
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log("usage: npm start [-- --no-open]    (HTTP=1 for plain http)");
    return 0;
  }
  if (options.error) {
    console.error(`start: ${options.error}`);
    return 2;
  }
  const interactive = options.open && !process.env.CI;

  const running = readServerRecord();
  if (running && isRunning(running)) {
    console.log(`The dev server is already running (pid ${running.pid}) at ${running.url}; npm stop ends it.`);
    return 0;
  }

  // Never prompt when not interactive: no certificate installation then.
  const env = { ...process.env, ...(interactive ? {} : { EPR_NO_CERT_INSTALL: "1" }) };
  const tls = await devServerTls(env);
  const protocol = tls.protocol;
  const origin = `${protocol}://localhost:${DEV_PORT}`;
  if (await answers(`${origin}/taskpane.html`, tls.options?.ca)) {
    console.error(`start: something already answers on port ${DEV_PORT}, not started by npm start; stop it first`);
    return 1;
  }
  if (protocol === "http") console.log(`Serving over plain http: ${tls.reason}.`);

  fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true });
  const log = fs.openSync(LOG_FILE, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    env,
    detached: true, // its own process group, so that npm stop can end it and its children
    stdio: ["ignore", log, log],
    windowsHide: true,
  });
  fs.closeSync(log);
  fs.writeFileSync(PID_FILE, JSON.stringify({ pid: child.pid, url: origin, startedAt: new Date().toISOString() }));
  child.unref();

  console.log(`Building and starting the dev server (pid ${child.pid}); log: ${path.relative(process.cwd(), LOG_FILE)}`);
  if (!(await waitUntilReady(child, `${origin}/taskpane.html`, tls.options?.ca))) {
    console.error(`start: the dev server did not come up on ${origin}. Last lines of the log:\n${logTail()}`);
    if (child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    fs.rmSync(PID_FILE, { force: true });
    return 1;
  }
  console.log(`Serving ${origin}/taskpane.html (npm stop ends it).`);

  const desktop = os.platform() === "win32" || os.platform() === "darwin";
  const debugging = officeAddinDebugging();
  if (desktop && interactive && debugging && protocol === "https") {
    console.log("Sideloading into Excel with office-addin-debugging...");
    const result = spawnSync(process.execPath, [debugging, "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server-port", String(DEV_PORT)], { cwd: ROOT, stdio: "inherit" });
    if (result.status !== 0) console.error(`office-addin-debugging exited with ${result.status}; sideload by hand:\n${sideloadInstructions(origin)}`);
  } else if (desktop) {
    console.log(sideloadInstructions(origin));
  } else {
    console.log(`No Excel desktop here. The workbench (the add-in over an .xlsx file in the browser): ${origin}/workbench.html`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
