/**
 * Output that cannot be written (a reader that closed the pipe, as `| head -1` does; a full disk) ends the
 * command with one line on standard error and exit code 2, never a stack trace or exit 1 ("errors found").
 * A real process is spawned: these failures come from the operating system through Node's streams.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COLUMNS } from "../../src/core/columns";
import { outputFailureLine } from "../../src/cli/io";

// Each test starts Node with TypeScript compiled on the fly: a second or two, more on a busy machine.
jest.setTimeout(60_000);

const ENTRY = join(__dirname, "spawnEntry.ts");

interface Finished {
  readonly code: number | null;
  readonly stderr: string;
  /** How much of standard output the test read before closing it. */
  readonly read: number;
}

/**
 * Runs `epr-return ARGS`. stdout "close": standard output is a pipe whose reading end the test closes after
 * `readFirst` bytes (0: before the command writes anything). stdout "full": standard output is /dev/full.
 */
function run(args: readonly string[], stdout: { readonly close: number } | "full"): Promise<Finished> {
  const full = stdout === "full" ? openSync("/dev/full", "w") : null;
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY, ...args], { stdio: ["ignore", full ?? "pipe", "pipe"] });
  if (full !== null) closeSync(full);
  let stderr = "";
  let read = 0;
  child.stderr?.on("data", (chunk: Buffer) => { stderr += chunk.toString("utf8"); });
  if (stdout !== "full") {
    const out = child.stdout;
    if (stdout.close === 0) out?.destroy();
    else out?.on("data", (chunk: Buffer) => {
      read += chunk.length;
      if (read >= stdout.close) out.destroy();
    });
  }
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr, read }));
  });
}

function expectOneLine(finished: Finished, code: RegExp): void {
  expect(finished.code).toBe(2);
  expect(finished.stderr.endsWith("\n")).toBe(true);
  const lines = finished.stderr.trimEnd().split("\n");
  expect(lines).toEqual([expect.stringMatching(/^epr-return: could not write to standard output/)]);
  expect(finished.stderr).toMatch(code);
  expect(finished.stderr).not.toMatch(/\bat .+:\d+:\d+|unexpected failure|node:internal/);
}

let dir: string;
let bigReturn: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "epr-output-"));
  // Two thousand trust rows each missing most required values: a report of about a megabyte, far more than a pipe holds.
  const rows = Array.from({ length: 2000 }, (_, i) => `R${String(i % 100).padStart(2, "0")},Trust ${i},Acute,Live`);
  bigReturn = join(dir, "big.csv");
  await writeFile(bigReturn, [COLUMNS.map((c) => c.header).join(","), ...rows, ""].join("\n"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("output that cannot be written", () => {
  it("a pipe closed before anything is written (EPIPE): one line, exit 2", async () => {
    expectOneLine(await run(["--help"], { close: 0 }), /\(EPIPE\): the program reading it stopped first/);
  });

  it("a pipe closed after the first line, as `validate big.csv | head -1` does: one line, exit 2", async () => {
    const finished = await run(["validate", bigReturn], { close: 1 });
    expect(finished.read).toBeGreaterThan(0);
    expectOneLine(finished, /\(EPIPE\)/);
  });

  it("a full device (ENOSPC, standard output on /dev/full): one line, exit 2", async () => {
    expectOneLine(await run(["validate", bigReturn], "full"), /\(ENOSPC\): no space left on the device/);
    expectOneLine(await run(["--version"], "full"), /\(ENOSPC\)/);
  });

  it("the same command with its output read to the end exits as usual (1: the return has errors)", async () => {
    const finished = await run(["validate", bigReturn], { close: Number.POSITIVE_INFINITY });
    expect(finished.code).toBe(1);
    expect(finished.read).toBeGreaterThan(500_000);
    expect(finished.stderr).toBe("");
  });
});

describe("outputFailureLine", () => {
  it("names the stream and the system's code in one line", () => {
    const err = Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
    expect(outputFailureLine("standard output", err)).toBe("epr-return: could not write to standard output (EPIPE): the program reading it stopped first\n");
  });

  it("falls back to the error's own message, kept to one line", () => {
    const err = Object.assign(new Error("write EWHATEVER\nsecond line"), { code: "EWHATEVER" });
    expect(outputFailureLine("standard error", err)).toBe("epr-return: could not write to standard error (EWHATEVER): write EWHATEVER second line\n");
    expect(outputFailureLine("standard output", "gone")).toBe("epr-return: could not write to standard output: gone\n");
  });
});
