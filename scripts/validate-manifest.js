#!/usr/bin/env node
/**
 * Offline checks of the add-in manifest (npm run validate):
 *   (a) XSD validation against ../shared/office-manifest-xsd, when present;
 *   (b) the project's own checks (scripts/manifest/check.js).
 *
 *   node scripts/validate-manifest.js               # manifest.xml
 *   node scripts/validate-manifest.js path/to.xml   # another manifest (icons looked up next to it)
 *   node scripts/validate-manifest.js --dist        # dist/manifest.xml, after a build
 *
 * Exit 0 when both pass (or (a) is skipped), 1 on any failure, 2 for bad usage.
 */
const fs = require("node:fs");
const path = require("node:path");
const { checkManifestFile } = require("./manifest/check");
const { validateAgainstXsd, defaultXsdDir } = require("./manifest/xsd");

const PROJECT_ROOT = path.resolve(__dirname, "..");

function parseArgs(argv) {
  const files = [];
  let dist = false;
  for (const arg of argv) {
    if (arg === "--dist") dist = true;
    else if (arg === "--help" || arg === "-h") return { help: true };
    else if (arg.startsWith("-")) return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (dist && files.length > 0) return { error: "give either --dist or a path, not both" };
  if (files.length > 1) return { error: "give one manifest path" };
  const file = dist ? path.join(PROJECT_ROOT, "dist", "manifest.xml") : path.resolve(files[0] ?? path.join(PROJECT_ROOT, "manifest.xml"));
  return { file, dist };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log("usage: node scripts/validate-manifest.js [--dist | MANIFEST.xml]");
    return 0;
  }
  if (args.error) {
    console.error(`validate-manifest: ${args.error}`);
    return 2;
  }
  const shown = path.relative(process.cwd(), args.file) || args.file;
  if (!fs.existsSync(args.file)) {
    console.error(`validate-manifest: ${shown} does not exist${args.dist ? " (run npm run build first)" : ""}`);
    return 1;
  }

  let failed = false;
  const xsd = await validateAgainstXsd(args.file, defaultXsdDir(PROJECT_ROOT));
  if ("skipped" in xsd) {
    console.log(xsd.skipped);
  } else if (xsd.ok) {
    console.log(`${shown}: XSD valid (${xsd.tool})`);
  } else {
    failed = true;
    console.error(`${shown}: fails the XSD check (${xsd.tool}):`);
    for (const line of xsd.errors) console.error(`  ${line}`);
  }

  const own = checkManifestFile(args.file);
  for (const warning of own.warnings) console.warn(`${shown}: warning: ${warning}`);
  if (own.errors.length > 0) {
    failed = true;
    console.error(`${shown}: ${own.errors.length} problem(s):`);
    for (const error of own.errors) console.error(`  ${error}`);
  } else {
    console.log(`${shown}: own checks passed (origin ${own.origin})`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`validate-manifest: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
