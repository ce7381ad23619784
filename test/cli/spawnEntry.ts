/**
 * The command line as bin/epr-return.js runs it (main, then the exit code), from the TypeScript sources, for
 * tests that need a real process: its standard output closed early or on a full device.
 */
import { main } from "../../src/cli/main";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
