import { randomBytes } from "node:crypto";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { nowMs } from "../clock";

/** Where uploads wait while they are checked or imported: DATA_DIR/uploads/tmp. */
export function uploadTmpDir(dataDir: string): string {
  return path.join(dataDir, "uploads", "tmp");
}

/**
 * A fresh name for a temporary upload folder that carries this process's id, so that at start-up a server can
 * tell its own leftovers (process gone) from the live work of another server sharing DATA_DIR.
 */
export function ownedTmpName(prefix: string): string {
  return `${prefix}-${process.pid}-${randomBytes(12).toString("hex")}`;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A library upload still being written has a fresh modification time; older ones were abandoned. */
const PART_FILE_AGE_MS = 60 * 60 * 1000;

/**
 * Removes what uploads left behind in uploads/tmp when their process died (a crash, an OOM kill, a power cut):
 * roster folders whose process no longer runs (and those named before folders carried one), and library
 * `.part` files untouched for an hour. Run at start-up; returns how many entries it removed.
 */
export async function removeAbandonedUploads(dataDir: string): Promise<number> {
  const dir = uploadTmpDir(dataDir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const owned = /^roster-(\d+)-[0-9a-f]+$/.exec(name);
    let isAbandoned = owned ? !isAlive(Number(owned[1])) : /^roster-[0-9a-f]{24}$/.test(name);
    if (!isAbandoned && name.endsWith(".part")) {
      const info = await stat(path.join(dir, name)).catch(() => undefined);
      isAbandoned = info !== undefined && nowMs() - info.mtimeMs > PART_FILE_AGE_MS;
    }
    if (!isAbandoned) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
