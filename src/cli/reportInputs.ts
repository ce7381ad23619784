/**
 * The returns a `report` reads: each FILE as given, and the returns inside each FOLDER (every .xlsx, .xlsm, .xls,
 * .ods and .csv; with --recursive, in its subfolders too), in name order. Excel's `~$` owner files and hidden
 * files (`.~lock…#`, macOS's `._name.xlsx`) are not returns; neither is the report's own output.
 */
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import type { UnreadableReturn } from "../core/national";

export const RETURN_EXTENSIONS: readonly string[] = [".xlsx", ".xlsm", ".xls", ".ods", ".csv"];

export interface ReportInputs {
  readonly files: string[];
  /** Folders that could not be listed, as problems of the report. */
  readonly unlisted: UnreadableReturn[];
}

function isReturnName(name: string): boolean {
  return !name.startsWith("~$") && !name.startsWith(".") && RETURN_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** Code-unit order: the same on every machine, whatever its locale. */
const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    // A path that is missing or cannot be looked at is read as a file, and reported unreadable as such.
    return false;
  }
}

async function listFolder(folder: string, recursive: boolean, into: ReportInputs, skip: ReadonlySet<string>): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    into.unlisted.push({ file: folder, reason: `the folder could not be listed${code ? ` (${code})` : ""}` });
    return;
  }
  for (const entry of entries.sort(byName)) {
    const path = join(folder, entry.name);
    // Subfolders reached through a symbolic link are not followed: a link to a parent would never end.
    if (entry.isDirectory()) {
      if (recursive && !entry.name.startsWith(".")) await listFolder(path, recursive, into, skip);
    } else if (isReturnName(entry.name) && !skip.has(resolve(path)) && (entry.isFile() || (entry.isSymbolicLink() && !(await isFolder(path))))) {
      into.files.push(path);
    }
  }
}

/** outputs: the files the report writes, never read as returns (`report returns/ -o returns/national`). */
export async function reportInputs(paths: readonly string[], recursive: boolean, outputs: readonly string[]): Promise<ReportInputs> {
  const inputs: ReportInputs = { files: [], unlisted: [] };
  const skip = new Set(outputs.map((o) => resolve(o)));
  for (const path of paths) {
    if (await isFolder(path)) await listFolder(path, recursive, inputs, skip);
    else inputs.files.push(path);
  }
  return inputs;
}
