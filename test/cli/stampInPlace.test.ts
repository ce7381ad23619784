/**
 * `epr-return stamp` writes into the user's own workbook (--in-place) or a copy of it (-o): every part but the
 * stamp sheet and the parts that list it is kept byte for byte, the file keeps its mode, a symbolic link is
 * written through, and nothing but a regular file is replaced. The other commands' outputs go through the same
 * safe writer.
 */
import { execFileSync } from "node:child_process";
import { chmod, link, lstat, readFile, readlink, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { compareZips, text } from "../files/patch/zipCompare";
import { richWorkbook, VBA } from "../files/patch/richWorkbook";
import { NORTH, tempFolder, writeTrustBook } from "../core/merge/trustWorkbooks";
import { runCli } from "./run";

jest.setTimeout(60_000);

const EDITED = ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"];

let folder: { dir: string; cleanup: () => Promise<void> };
const path = (name: string) => join(folder.dir, name);
const bytesOf = async (file: string) => new Uint8Array(await readFile(file));

beforeEach(async () => {
  folder = await tempFolder("epr-stamp-in-place-");
});
afterEach(() => folder.cleanup());

async function richFile(name: string, macros = false): Promise<{ file: string; original: Uint8Array }> {
  const original = richWorkbook(macros);
  await writeFile(path(name), original);
  return { file: path(name), original };
}

function expectOnlyStampChanges(original: Uint8Array, stamped: Uint8Array): void {
  const comparison = compareZips(original, stamped);
  expect(comparison.missing).toEqual([]);
  expect(comparison.changed.sort()).toEqual(EDITED);
  expect(comparison.added).toEqual(["xl/worksheets/sheet4.xml"]);
}

describe("stamp --in-place", () => {
  it("keeps the chart, image, comments, pivot table, defined names and external link byte for byte; the stamp verifies", async () => {
    const { file, original } = await richFile("rich.xlsx");
    const run = await runCli(["stamp", file, "--in-place"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectOnlyStampChanges(original, await bytesOf(file));
    const verified = await runCli(["verify", file]);
    expect(verified.stdout).toContain("matches its stamp");
    expect(verified.code).toBe(0);
  });

  it("stamped twice, holds one stamp sheet, which verifies", async () => {
    const { file } = await richFile("rich.xlsx");
    expect((await runCli(["stamp", file, "--in-place"])).code).toBe(0);
    const once = await bytesOf(file);
    expect((await runCli(["stamp", file, "--in-place"])).code).toBe(0);
    expect(compareZips(once, await bytesOf(file)).changed).toEqual(["xl/worksheets/sheet4.xml"]);
    expect(text(await bytesOf(file), "xl/workbook.xml").match(/_epr_stamp/g)).toHaveLength(1);
    expect((await runCli(["verify", file])).code).toBe(0);
  });

  it("keeps the file's mode (0600 stays 0600)", async () => {
    const { file } = await richFile("private.xlsx");
    await chmod(file, 0o600);
    expect((await runCli(["stamp", file, "--in-place"])).code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("writes through a symbolic link: the target is stamped, the link stays a link", async () => {
    const { file, original } = await richFile("target.xlsx");
    await symlink("target.xlsx", path("link.xlsx"));
    const run = await runCli(["stamp", path("link.xlsx"), "--in-place"]);
    expect(run.code).toBe(0);
    expect((await lstat(path("link.xlsx"))).isSymbolicLink()).toBe(true);
    expect(await readlink(path("link.xlsx"))).toBe("target.xlsx");
    expectOnlyStampChanges(original, await bytesOf(file));
  });

  it("refuses a hard-linked file, before any work, leaving both names as they were", async () => {
    const { file, original } = await richFile("a.xlsx");
    await link(file, path("b.xlsx"));
    const run = await runCli(["stamp", file, "--in-place"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("has 2 hard links");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(Buffer.from(await bytesOf(file)).equals(Buffer.from(original))).toBe(true);
  });

  it("keeps a macro-enabled workbook's VBA project", async () => {
    const { file, original } = await richFile("macros.xlsm", true);
    expect((await runCli(["stamp", file, "--in-place"])).code).toBe(0);
    const stamped = await bytesOf(file);
    expectOnlyStampChanges(original, stamped);
    expect(Buffer.from(unzipSync(stamped)["xl/vbaProject.bin"] ?? []).equals(Buffer.from(VBA))).toBe(true);
  });
});

describe("stamp -o", () => {
  it("writes a copy of the user's file plus the stamp, and leaves the file alone", async () => {
    const { file, original } = await richFile("rich.xlsx");
    const run = await runCli(["stamp", file, "-o", path("stamped.xlsx")]);
    expect(run.code).toBe(0);
    expectOnlyStampChanges(original, await bytesOf(path("stamped.xlsx")));
    expect(Buffer.from(await bytesOf(file)).equals(Buffer.from(original))).toBe(true);
  });

  it("names a copy of an .xlsm .xlsm (its content stays macro-enabled)", async () => {
    const { file } = await richFile("macros.xlsm", true);
    const run = await runCli(["stamp", file, "-o", path("stamped.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("name it with .xlsm");
    expect((await runCli(["stamp", file, "-o", path("stamped.xlsm")])).code).toBe(0);
  });

  it("refuses a file that is not an .xlsx package (nothing to write the stamp into), before checking it", async () => {
    await writeFile(path("return.csv"), "Trust ODS code,Beds\nRYJ,1000\n");
    const run = await runCli(["stamp", path("return.csv"), "-o", path("stamped.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is read as CSV, but stamp writes only into .xlsx and .xlsm workbooks");
    await expect(stat(path("stamped.xlsx"))).rejects.toThrow();
  });

  it.each([[false], [true]])("never replaces a device or a FIFO (--force: %s)", async (force) => {
    const { file } = await richFile("rich.xlsx");
    execFileSync("mkfifo", [path("pipe.xlsx")]);
    await symlink("/dev/null", path("null.xlsx"));
    for (const out of [path("pipe.xlsx"), path("null.xlsx")]) {
      const run = await runCli(["stamp", file, "-o", out, ...(force ? ["--force"] : [])]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is (a FIFO \(named pipe\)|a device): only a regular file is ever replaced/);
    }
    expect((await lstat(path("pipe.xlsx"))).isFIFO()).toBe(true);
    expect((await lstat("/dev/null")).isCharacterDevice()).toBe(true);
  });
});

describe("the other commands' outputs go through the same writer", () => {
  it.each([
    ["template", (out: string) => ["template", out, "--force"]],
    ["merge", (out: string, input: string) => ["merge", input, "-o", out, "--force"]],
    ["export", (out: string, input: string) => ["export", input, "--format", "csv", "-o", out, "--force"]],
  ])("%s refuses a device even with --force, and keeps an existing file's mode", async (_, argv) => {
    const input = await writeTrustBook(path("north.xlsx"), NORTH);
    await symlink("/dev/null", path("null.xlsx"));
    const refused = await runCli(argv(path("null.xlsx"), input));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is a device");
    await writeFile(path("out.xlsx"), "old");
    await chmod(path("out.xlsx"), 0o600);
    const written = await runCli(argv(path("out.xlsx"), input));
    expect(written.stderr).toBe("");
    expect((await stat(path("out.xlsx"))).mode & 0o777).toBe(0o600);
    expect((await readFile(path("out.xlsx"), "utf8")) === "old").toBe(false);
  });
});
