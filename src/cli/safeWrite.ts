/**
 * Writing an output file (a stamped workbook in place, a stamped copy, a template, a merged return, an export)
 * so that the user's file is either replaced whole or left as it was, and nothing else is touched:
 *
 * - Only a regular file is ever replaced, --force or not: a folder, FIFO, socket or device (`-o /dev/sda`) is
 *   refused, never replaced by a regular file.
 * - A symbolic link is written through: its target (all links resolved) is replaced, the link stays a link.
 *   A link to a missing file is refused (writing would create a file wherever it points).
 * - A file with other hard links is refused: replacing it by rename would leave the other names with the old
 *   content, and writing into it in place would give up the all-or-nothing replacement. The message says to copy it.
 * - The new content goes to a temporary file in the target's own folder (so the rename stays on one file system),
 *   named with 128 random bits and created with O_CREAT|O_EXCL|O_NOFOLLOW: nothing at a guessed name is ever
 *   followed or reused. It takes the replaced file's permission bits exactly (setuid/setgid dropped), and its owner
 *   and group when running as root; it is fsynced, then renamed over the target. A new file gets `mode` (0666 by
 *   default) less the umask, as any program's new file does, and never replaces a file created meanwhile (it is
 *   linked into place, which fails if the name exists).
 * - On any failure the temporary file is removed and the target is untouched; the error is a FileError with one
 *   line saying why (no space left on the device, permission denied, read-only file system, ...).
 */
import { randomBytes } from "node:crypto";
import { constants, lstatSync, realpathSync, type Stats } from "node:fs";
import { link, lstat, open, realpath, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { FileError } from "./io";

export interface SafeWriteOptions {
  /** Replace an existing regular file (without it, an existing file is refused). */
  readonly force: boolean;
  /** The permission bits of a new file, before the umask (default 0o666). An existing file's mode is always kept. */
  readonly mode?: number;
}

/** Random bytes in a temporary file's name: 128 bits, never guessed. */
const RANDOM_BYTES = 16;
/** The target's name is shortened in the temporary name so that it stays under the usual 255-byte limit. */
const NAME_PREFIX_CHARS = 64;
const CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
const PERMISSION_BITS = 0o777;

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exceeded",
  EFBIG: "the file is too large for the file system",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOENT: "its folder does not exist",
  ENOTDIR: "a part of its path is not a folder",
  EISDIR: "it is a folder",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EIO: "an input/output error on the device",
  EBUSY: "the file is busy",
  EMFILE: "too many files are open",
  EEXIST: "its temporary file's name is taken (try again)",
};

function errorCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** The error as a FileError naming the target, in one line. */
export function writeError(target: string, err: unknown): FileError {
  if (err instanceof FileError) return err;
  const code = errorCode(err);
  const reason = (code && REASONS[code]) ?? `${code ?? (err instanceof Error ? err.message : String(err))}`.split("\n")[0];
  return new FileError(target, `could not be written: ${reason}`);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

/** Why an existing output may not be replaced, or null when it may. */
function refusal(stats: Stats, force: boolean): string | null {
  if (!stats.isFile()) return `is ${kindOf(stats)}: only a regular file is ever replaced`;
  if (!force) return "already exists; choose another name or add --force to replace it";
  if (stats.nlink > 1) return `has ${stats.nlink} hard links, which would keep the old content: copy it (cp) and write the copy instead`;
  return null;
}

const DANGLING = "is a symbolic link to a missing file: name the file itself";

/**
 * The same checks as writeFileSafely, before any work is done (a command checks its -o early, so that nothing is
 * computed for an output that will be refused). Throws FileError.
 */
export function checkOutputPath(target: string, force: boolean): void {
  let stats: Stats;
  try {
    stats = lstatSync(target);
    if (stats.isSymbolicLink()) stats = lstatSync(realpathSync(target));
  } catch (err) {
    if (errorCode(err) === "ENOENT") {
      if (lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) throw new FileError(target, DANGLING);
      return;
    }
    throw writeError(target, err);
  }
  const reason = refusal(stats, force);
  if (reason) throw new FileError(target, reason);
}

interface Destination {
  /** The file to replace or create: the target with every symbolic link resolved. */
  readonly path: string;
  readonly existing: Stats | null;
}

async function destinationOf(target: string, force: boolean): Promise<Destination> {
  let stats: Stats;
  try {
    stats = await lstat(target);
  } catch (err) {
    if (errorCode(err) === "ENOENT") return { path: target, existing: null };
    throw err;
  }
  let path = target;
  if (stats.isSymbolicLink()) {
    try {
      path = await realpath(target);
    } catch (err) {
      if (errorCode(err) === "ENOENT") throw new FileError(target, DANGLING);
      throw err;
    }
    // realpath resolved every link: this is the file itself.
    stats = await lstat(path);
  }
  const reason = refusal(stats, force);
  if (reason) throw new FileError(target, reason);
  return { path, existing: stats };
}

/** A temporary name beside path: `.NAME.<32 hex digits>.tmp`. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path).slice(0, NAME_PREFIX_CHARS)}.${randomBytes(RANDOM_BYTES).toString("hex")}.tmp`);
}

/** Creates the file, failing (EEXIST) if anything, a symbolic link included, is at that path. */
export function createExclusive(path: string, mode: number): Promise<FileHandle> {
  return open(path, CREATE_EXCLUSIVE, mode);
}

/** Gives the temporary file the replaced file's owner (when root) and permission bits. */
async function takeOver(handle: FileHandle, existing: Stats): Promise<void> {
  if (process.getuid?.() === 0) {
    const own = await handle.stat();
    if (own.uid !== existing.uid || own.gid !== existing.gid) await handle.chown(existing.uid, existing.gid);
  }
  // After chown, which may clear mode bits; chmod is exact where open's mode would have had the umask applied.
  await handle.chmod(existing.mode & PERMISSION_BITS);
}

/** Cannot hard-link on this file system: fall back to rename (which can then replace a file made meanwhile). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"]);

/** Puts the finished temporary file at path: over the existing file, or as a new name that must not exist yet. */
async function moveIntoPlace(temporary: string, destination: Destination, target: string): Promise<void> {
  if (destination.existing) {
    await rename(temporary, destination.path);
    return;
  }
  try {
    await link(temporary, destination.path);
  } catch (err) {
    if (errorCode(err) === "EEXIST") throw new FileError(target, "was created by something else while it was being written; nothing was replaced");
    if (!NO_HARD_LINKS.has(errorCode(err) ?? "")) throw err;
    await rename(temporary, destination.path);
    return;
  }
  await rm(temporary);
}

/** Writes bytes (text as UTF-8) to target as the module comment says; throws FileError. */
export async function writeFileSafely(target: string, bytes: Uint8Array | string, options: SafeWriteOptions): Promise<void> {
  let temporary: string | null = null;
  let handle: FileHandle | null = null;
  try {
    const destination = await destinationOf(target, options.force);
    const path = temporaryPathFor(destination.path);
    // Private until finished; takeOver (or the umask, for a new file) sets the final mode.
    handle = await createExclusive(path, destination.existing ? 0o600 : (options.mode ?? 0o666));
    temporary = path;
    if (destination.existing) await takeOver(handle, destination.existing);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    await moveIntoPlace(path, destination, target);
    temporary = null;
  } catch (err) {
    await cleanUp(handle, temporary);
    throw writeError(target, err);
  }
}

/** Closes and removes the temporary file after a failure; the failure, not a clean-up error, is what is reported. */
async function cleanUp(handle: FileHandle | null, temporary: string | null): Promise<void> {
  await handle?.close().catch(() => undefined);
  if (temporary) await rm(temporary, { force: true }).catch(() => undefined);
}
