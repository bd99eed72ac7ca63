import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/** Who holds an embedded database: written into its lock file as JSON. */
type Holder = { pid: number; command: string; since: string };

/** A second process (or a second open in this one) tried to open an embedded database that is in use. */
export class DatabaseInUseError extends Error {}

function readHolder(lockPath: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, "utf8")) as Partial<Holder>;
    if (typeof parsed.pid !== "number") return undefined;
    return { pid: parsed.pid, command: String(parsed.command ?? ""), since: String(parsed.since ?? "") };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** What the running process is, as a person would recognise it in `ps`: "collective start", a test runner … */
function describeSelf(): string {
  const args = process.argv.slice(1).map((arg) => arg.replace(/^.*[\\/]/, ""));
  return args.join(" ").slice(0, 200);
}

/**
 * Takes the lock file of an embedded database (created atomically with O_EXCL), so that two processes never
 * open one PGlite folder: each would see only its own writes and the last to close would win. A lock left by a
 * process that no longer runs is taken over. Throws DatabaseInUseError naming the holder otherwise.
 * Returns the function that releases it.
 */
export function lockEmbeddedDatabase(lockPath: string, databaseDir: string, since: string): () => void {
  const holder: Holder = { pid: process.pid, command: describeSelf(), since };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(lockPath, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readHolder(lockPath);
      if (current && (current.pid === process.pid || isAlive(current.pid))) {
        throw new DatabaseInUseError(
          `The embedded database in ${databaseDir} is in use by process ${current.pid}` +
            `${current.command ? ` (${current.command})` : ""}${current.since ? `, open since ${current.since}` : ""}. ` +
            "Only one process may open it: stop that process first, or, while a server runs, import through " +
            "its web pages instead of the command line (or use PostgreSQL with DATABASE_URL). " +
            `If no such process runs, remove ${lockPath}.`,
        );
      }
      // Left by a process that died (or half-written by one): nobody holds it.
      rmSync(lockPath, { force: true });
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(holder));
    } finally {
      closeSync(fd);
    }
    let isReleased = false;
    const release = () => {
      if (isReleased) return;
      isReleased = true;
      process.off("exit", release);
      if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
    };
    // A process that exits without closing the database (an uncaught error) leaves no lock behind.
    process.on("exit", release);
    return release;
  }
  throw new DatabaseInUseError(`The embedded database in ${databaseDir} is being opened by another process.`);
}
