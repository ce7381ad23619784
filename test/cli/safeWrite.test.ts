/**
 * Output files are replaced whole or not at all, and nothing but the named regular file is touched
 * (src/cli/safeWrite.ts).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmod, chown, link, lstat, mkdir, readdir, readFile, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { buildSync } from "esbuild";
import { join } from "node:path";
import { FileError } from "../../src/cli/io";
import { checkOutputPath, createExclusive, temporaryPathFor, writeFileSafely } from "../../src/cli/safeWrite";
import { tempFolder } from "../core/merge/trustWorkbooks";

// rename can be made to fail once (as on a full disk); otherwise it is the real one.
jest.mock("node:fs/promises", () => {
  const actual = jest.requireActual<typeof import("node:fs/promises")>("node:fs/promises");
  return { ...actual, rename: jest.fn(actual.rename) };
});
const { rename: mockedRename } = jest.requireMock<{ rename: jest.MockedFunction<typeof import("node:fs/promises").rename> }>("node:fs/promises");

let folder: { dir: string; cleanup: () => Promise<void> };
let umask: number;
const path = (name: string) => join(folder.dir, name);
const modeOf = async (file: string) => (await stat(file)).mode & 0o777;
const isRoot = process.getuid?.() === 0;

beforeAll(() => {
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
});
beforeEach(async () => {
  folder = await tempFolder("epr-safe-write-");
});
afterEach(() => folder.cleanup());

async function refusal(work: Promise<unknown>): Promise<string> {
  const err: unknown = await work.then(() => null, (e: unknown) => e);
  if (!(err instanceof FileError)) throw new Error(`expected a FileError, got ${String(err)}`);
  expect(err.message).not.toContain("\n");
  return err.message;
}

describe("a new file", () => {
  it("is written, with the default mode less the umask, and no temporary file is left", async () => {
    await writeFileSafely(path("new.xlsx"), new Uint8Array([1, 2, 3]), { force: false });
    expect([...(await readFile(path("new.xlsx")))]).toEqual([1, 2, 3]);
    expect(await modeOf(path("new.xlsx"))).toBe(0o644);
    expect(await readdir(folder.dir)).toEqual(["new.xlsx"]);
  });

  it("text is written as UTF-8", async () => {
    await writeFileSafely(path("out.csv"), "Trust,Beds\nRYJ,1000 – é\n", { force: false });
    expect(await readFile(path("out.csv"), "utf8")).toBe("Trust,Beds\nRYJ,1000 – é\n");
  });
});

describe("an existing regular file", () => {
  it("is refused without force, and left as it was", async () => {
    await writeFile(path("out.xlsx"), "old");
    expect(await refusal(writeFileSafely(path("out.xlsx"), "new", { force: false }))).toContain("already exists; choose another name or add --force");
    expect(await readFile(path("out.xlsx"), "utf8")).toBe("old");
  });

  it.each([0o600, 0o640, 0o604])("keeps its mode exactly (%o), whatever the umask", async (mode) => {
    await writeFile(path("out.xlsx"), "old");
    await chmod(path("out.xlsx"), mode);
    await writeFileSafely(path("out.xlsx"), "new", { force: true });
    expect(await readFile(path("out.xlsx"), "utf8")).toBe("new");
    expect(await modeOf(path("out.xlsx"))).toBe(mode);
    expect(await readdir(folder.dir)).toEqual(["out.xlsx"]);
  });

  (isRoot ? it : it.skip)("keeps its owner and group (when run as root)", async () => {
    await writeFile(path("out.xlsx"), "old");
    await chown(path("out.xlsx"), 65534, 65534);
    await writeFileSafely(path("out.xlsx"), "new", { force: true });
    const stats = await stat(path("out.xlsx"));
    expect([stats.uid, stats.gid]).toEqual([65534, 65534]);
  });
});

describe("a symbolic link", () => {
  it("is written through: the target is replaced (its mode kept), the link stays a link", async () => {
    await mkdir(path("real"));
    await writeFile(path("real/return.xlsx"), "old");
    await chmod(path("real/return.xlsx"), 0o600);
    await symlink("real/return.xlsx", path("link.xlsx"));
    await writeFileSafely(path("link.xlsx"), "new", { force: true });
    expect((await lstat(path("link.xlsx"))).isSymbolicLink()).toBe(true);
    expect(await readlink(path("link.xlsx"))).toBe("real/return.xlsx");
    expect(await readFile(path("real/return.xlsx"), "utf8")).toBe("new");
    expect(await modeOf(path("real/return.xlsx"))).toBe(0o600);
    expect((await readdir(path("real"))).sort()).toEqual(["return.xlsx"]);
  });

  it("to a missing file is refused, and nothing is created where it points", async () => {
    await symlink("elsewhere.xlsx", path("dangling.xlsx"));
    for (const force of [false, true]) {
      expect(await refusal(writeFileSafely(path("dangling.xlsx"), "new", { force }))).toContain("is a symbolic link to a missing file");
      expect(() => checkOutputPath(path("dangling.xlsx"), force)).toThrow("is a symbolic link to a missing file");
    }
    expect((await readdir(folder.dir)).sort()).toEqual(["dangling.xlsx"]);
  });
});

describe("anything but a regular file is refused, --force or not", () => {
  it("a file with another hard link (both names keep the old content)", async () => {
    await writeFile(path("a.xlsx"), "old");
    await link(path("a.xlsx"), path("b.xlsx"));
    expect(await refusal(writeFileSafely(path("a.xlsx"), "new", { force: true }))).toContain("has 2 hard links");
    expect(() => checkOutputPath(path("a.xlsx"), true)).toThrow("has 2 hard links");
    expect(await readFile(path("a.xlsx"), "utf8")).toBe("old");
    expect(await readFile(path("b.xlsx"), "utf8")).toBe("old");
    expect((await readdir(folder.dir)).sort()).toEqual(["a.xlsx", "b.xlsx"]);
  });

  it("a FIFO", async () => {
    execFileSync("mkfifo", [path("pipe.xlsx")]);
    for (const force of [false, true]) {
      expect(await refusal(writeFileSafely(path("pipe.xlsx"), "new", { force }))).toContain("is a FIFO (named pipe): only a regular file is ever replaced");
      expect(() => checkOutputPath(path("pipe.xlsx"), force)).toThrow("is a FIFO");
    }
    expect((await lstat(path("pipe.xlsx"))).isFIFO()).toBe(true);
    expect(await readdir(folder.dir)).toEqual(["pipe.xlsx"]);
  });

  it("a device (/dev/null)", async () => {
    for (const force of [false, true]) {
      expect(await refusal(writeFileSafely("/dev/null", "new", { force }))).toBe("/dev/null: is a device: only a regular file is ever replaced");
      expect(() => checkOutputPath("/dev/null", force)).toThrow("is a device");
    }
    expect((await lstat("/dev/null")).isCharacterDevice()).toBe(true);
  });

  it("a symbolic link to a device", async () => {
    await symlink("/dev/null", path("null.xlsx"));
    expect(await refusal(writeFileSafely(path("null.xlsx"), "new", { force: true }))).toContain("is a device");
    expect((await lstat("/dev/null")).isCharacterDevice()).toBe(true);
  });

  it("a folder", async () => {
    await mkdir(path("folder.xlsx"));
    for (const force of [false, true]) expect(await refusal(writeFileSafely(path("folder.xlsx"), "new", { force }))).toContain("is a folder");
    expect(await readdir(path("folder.xlsx"))).toEqual([]);
  });
});

describe("the temporary file", () => {
  it("is named in the target's folder with 128 random bits", () => {
    const names = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const temporary = temporaryPathFor(path("return.xlsx"));
      expect(temporary).toMatch(new RegExp(`^${folder.dir}/\\.return\\.xlsx\\.[0-9a-f]{32}\\.tmp$`));
      names.add(temporary);
    }
    expect(names.size).toBe(1000);
    expect(Buffer.byteLength(temporaryPathFor(path(`${"x".repeat(250)}.xlsx`)).slice(folder.dir.length + 1))).toBeLessThan(255);
  });

  it("is created exclusively: a symbolic link planted at its name is never followed", async () => {
    await symlink(path("victim.txt"), path("planted"));
    const err: unknown = await createExclusive(path("planted"), 0o600).then(() => null, (e: unknown) => e);
    expect((err as NodeJS.ErrnoException).code).toBe("EEXIST");
    await expect(stat(path("victim.txt"))).rejects.toThrow();
    await writeFile(path("victim.txt"), "precious");
    await expect(createExclusive(path("planted"), 0o600)).rejects.toThrow("EEXIST");
    expect(await readFile(path("victim.txt"), "utf8")).toBe("precious");
  });

  it("is not at the names the old writer used: links planted there are left alone", async () => {
    await writeFile(path("victim.txt"), "precious");
    for (const guess of [`.out.xlsx.${process.pid}.tmp`, ".out.xlsx.tmp", "out.xlsx.tmp"]) await symlink(path("victim.txt"), path(guess));
    await writeFileSafely(path("out.xlsx"), "stamped", { force: false });
    expect(await readFile(path("out.xlsx"), "utf8")).toBe("stamped");
    expect(await readFile(path("victim.txt"), "utf8")).toBe("precious");
    expect((await readdir(folder.dir)).sort()).toEqual([".out.xlsx.tmp", `.out.xlsx.${process.pid}.tmp`, "out.xlsx", "out.xlsx.tmp", "victim.txt"].sort());
  });
});

describe("a failure", () => {
  it("leaves the original untouched and no temporary file, with one line saying why (no space left)", async () => {
    await writeFile(path("out.xlsx"), "old");
    const full = Object.assign(new Error("ENOSPC: no space left on device, rename"), { code: "ENOSPC" });
    mockedRename.mockRejectedValueOnce(full);
    expect(await refusal(writeFileSafely(path("out.xlsx"), "new", { force: true }))).toBe(`${path("out.xlsx")}: could not be written: no space left on the device`);
    expect(mockedRename).toHaveBeenCalled();
    expect(await readFile(path("out.xlsx"), "utf8")).toBe("old");
    expect(await readdir(folder.dir)).toEqual(["out.xlsx"]);
  });

  it("in a read-only folder: permission denied, the original untouched, no temporary file", async () => {
    await mkdir(path("locked"));
    await writeFile(path("locked/out.xlsx"), "old");
    await chmod(path("locked"), 0o555);
    // Root ignores permissions: the write then runs in a child process as nobody. The child runs a bundle of
    // safeWrite put in the test's own folder, since nobody may not be able to read the repository (a clone in a
    // private temporary folder, as CI makes).
    const bundle = path("safeWrite.bundle.js");
    buildSync({ entryPoints: [require.resolve("../../src/cli/safeWrite")], bundle: true, platform: "node", format: "cjs", outfile: bundle, logLevel: "silent" });
    const script = [
      `const { writeFileSafely } = require(${JSON.stringify(bundle)});`,
      `writeFileSafely(${JSON.stringify(path("locked/out.xlsx"))}, "new", { force: true })`,
      `  .then(() => console.log("written"), (err) => console.log(err.message));`,
    ].join("\n");
    await chmod(folder.dir, 0o755);
    await chmod(bundle, 0o644);
    const run = spawnSync(process.execPath, ["--eval", script], { encoding: "utf8", cwd: "/tmp", ...(isRoot ? { uid: 65534, gid: 65534 } : {}), env: { ...process.env, HOME: "/tmp" } });
    expect(run.stdout.trim()).toBe(`${path("locked/out.xlsx")}: could not be written: permission denied`);
    expect(await readFile(path("locked/out.xlsx"), "utf8")).toBe("old");
    expect(await readdir(path("locked"))).toEqual(["out.xlsx"]);
    await chmod(path("locked"), 0o755);
    await rm(bundle);
  }, 60_000);
});
