/**
 * Recalculating a workbook in LibreOffice (headless), to check that the template's native
 * formulas compute what the core computes. Tests skip where LibreOffice is absent.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

const CANDIDATES = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"];

export function sofficePath(): string | null {
  const fromEnv = process.env["SOFFICE"];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function hasLibreOffice(): boolean {
  return sofficePath() !== null;
}

/** Always recalculate on load: otherwise LibreOffice keeps the file's (here: absent) cached results. */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function run(command: string, args: readonly string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`, { cause: error }));
      else resolve({ stdout, stderr });
    });
  });
}

/** Opens inPath in LibreOffice, recalculates every formula, and saves the result as .xlsx at outPath. */
export async function recalculate(inPath: string, outPath: string, timeoutMs = 90_000): Promise<void> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  const work = await mkdtemp(join(tmpdir(), "epr-lo-"));
  try {
    const profile = join(work, "profile");
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(join(profile, "user", "registrymodifications.xcu"), REGISTRY);
    const outDir = join(work, "out");
    await mkdir(outDir);
    const { stdout, stderr } = await run(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, inPath],
      timeoutMs,
    );
    const produced = (await readdir(outDir)).find((f) => f === `${basename(inPath, extname(inPath))}.xlsx`);
    if (!produced) throw new Error(`LibreOffice produced no file.\n${stdout}\n${stderr}`);
    await copyFile(join(outDir, produced), outPath);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
