#!/usr/bin/env node
// The command line is compiled from src/cli by `npm run build:cli` (run on npm install).
const path = require("node:path");
const fs = require("node:fs");
const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("epr-return: not built yet; run `npm run build:cli` in " + path.dirname(__dirname) + "\n");
  process.exit(2);
}
// main reports every failure itself (one line, exit 2); this catch is the last guard against a stack trace.
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => { process.exitCode = code; },
    (err) => {
      process.stderr.write("epr-return: unexpected failure: " + String(err && err.message ? err.message : err).split("\n")[0] + "\n");
      process.exitCode = 2;
    },
  );
