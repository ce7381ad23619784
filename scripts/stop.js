#!/usr/bin/env node
/**
 * npm stop: ends the dev server that `npm start` started (its pid is in
 * .tmp/dev-server.json), and, where office-addin-debugging is installed,
 * unregisters the sideloaded add-in. Also the home of the small state helpers
 * start.js shares.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const PID_FILE = path.join(ROOT, ".tmp", "dev-server.json");
const LOG_FILE = path.join(ROOT, ".tmp", "dev-server.log");

/** What npm start recorded ({ pid, url, startedAt }), or null when nothing was recorded. */
function readServerRecord() {
  if (!fs.existsSync(PID_FILE)) return null;
  try {
    const record = JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
    return Number.isInteger(record.pid) ? record : null;
  } catch (error) {
    console.warn(`ignoring ${PID_FILE}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/**
 * Whether the recorded process is still our dev server. Where /proc exists,
 * the command line must be webpack's, so a pid reused by another program after
 * a restart is never taken for ours.
 */
function isRunning(record) {
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    // ESRCH: gone; EPERM: another user's process, so not the one we started.
    if (error && (error.code === "ESRCH" || error.code === "EPERM")) return false;
    throw error;
  }
  const cmdline = `/proc/${record.pid}/cmdline`;
  if (fs.existsSync(cmdline)) return fs.readFileSync(cmdline, "utf8").includes("webpack");
  return true;
}

/** The office-addin-debugging CLI script when installed (it is not a dependency of this project), else null. */
function officeAddinDebugging() {
  try {
    const pkg = require.resolve("office-addin-debugging/package.json", { paths: [ROOT] });
    const { bin } = JSON.parse(fs.readFileSync(pkg, "utf8"));
    const script = typeof bin === "string" ? bin : bin && bin["office-addin-debugging"];
    return script ? path.join(path.dirname(pkg), script) : null;
  } catch (error) {
    if (error && error.code === "MODULE_NOT_FOUND") return null;
    throw error;
  }
}

/** Ends the dev server and everything it started (it leads its own process group). */
function endServer(pid) {
  if (os.platform() === "win32") {
    spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
    return;
  }
  try {
    process.kill(-pid, "SIGTERM");
  } catch (error) {
    if (error && error.code === "ESRCH") return; // already gone
    throw error;
  }
}

function main() {
  let stopped = false;
  const record = readServerRecord();
  if (record && isRunning(record)) {
    endServer(record.pid);
    console.log(`Stopped the dev server (pid ${record.pid}).`);
    stopped = true;
  }
  if (record) fs.rmSync(PID_FILE, { force: true });

  const debugging = officeAddinDebugging();
  if (debugging && (os.platform() === "win32" || os.platform() === "darwin")) {
    const result = spawnSync(process.execPath, [debugging, "stop", "manifest.xml"], { cwd: ROOT, stdio: "inherit" });
    if (result.status !== 0) console.error(`office-addin-debugging stop exited with ${result.status}`);
  }
  if (!stopped) console.log("No dev server started by npm start is running.");
  return 0;
}

if (require.main === module) process.exitCode = main();

module.exports = { PID_FILE, LOG_FILE, readServerRecord, isRunning, officeAddinDebugging };
