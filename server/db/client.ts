import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { now } from "../clock";
import { projectPath } from "../paths";
import { lockEmbeddedDatabase } from "./embedded-lock";
import * as schema from "./schema";

// int8 (counts, bigserial ids) arrives as a string from the wire protocol; the values we store fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DbKind = "pglite" | "postgres";
export type Db = NodePgDatabase<typeof schema>;

export type Database = {
  kind: DbKind;
  db: Db;
  pool: pg.Pool;
  /**
   * PGlite only: runs one statement that reads its input from `/dev/blob` (`copy … from '/dev/blob'`), input the
   * socket cannot carry (it serves no COPY FROM STDIN). The import benchmark's COPY reference uses it.
   */
  withBlob?(statement: string, blob: string): Promise<void>;
  /**
   * PostgreSQL only: LISTENs on a channel over a connection of its own, calling `onNotify` for each
   * notification and `onLost` if the connection ends. Resolves with a function that stops listening.
   */
  listen?(channel: string, onNotify: () => void, onLost: (error: Error) => void): Promise<() => Promise<void>>;
  /** PGlite only: saves the data directory to a file, which `pgliteSnapshot` can start another database from. */
  saveSnapshot?(file: string): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** A postgres:// URL; without one the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database, or "memory://" for a throwaway one. */
  pgliteDir?: string;
  /**
   * A new PGlite (in memory, or a folder that does not exist yet or is empty) starts from this saved data
   * directory (see Database.saveSnapshot) instead of initdb; an existing folder keeps its own data.
   */
  pgliteSnapshot?: string;
  poolSize?: number;
};

/**
 * Opens PostgreSQL, or starts embedded PGlite in a worker thread and connects to it over a Unix socket. An
 * embedded database on disk is opened by one process at a time (DATA_DIR/pglite.lock); a second open throws
 * DatabaseInUseError naming the process that holds it.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ ...withSessionOptions(options.databaseUrl), max: options.poolSize ?? 10 });
    pool.on("error", () => {});
    const listen = async (channel: string, onNotify: () => void, onLost: (error: Error) => void) => {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      let stopping = false;
      client.on("notification", onNotify);
      client.on("error", (error) => {
        if (!stopping) onLost(error);
      });
      client.on("end", () => {
        if (!stopping) onLost(new Error("the listening connection ended"));
      });
      await client.connect();
      await client.query(`listen "${channel.replaceAll('"', '""')}"`);
      return async () => {
        stopping = true;
        await client.end();
      };
    };
    return {
      kind: "postgres",
      db: drizzle(pool, { schema }),
      pool,
      listen,
      close: () => pool.end(),
    };
  }
  return openPglite(options.pgliteDir ?? "memory://", options.pgliteSnapshot);
}

async function openPglite(dir: string, snapshot?: string): Promise<Database> {
  let unlock = () => {};
  if (dir !== "memory://") {
    mkdirSync(dir, { recursive: true });
    // Beside the folder (DATA_DIR/pglite.lock), not in it: the folder is PGlite's own.
    unlock = lockEmbeddedDatabase(`${path.resolve(dir)}.lock`, path.resolve(dir), now().toISOString());
  }
  try {
    // Checked under the lock: only a folder no process has written yet starts from the snapshot.
    const startFrom = dir === "memory://" || readdirSync(dir).length === 0 ? snapshot : undefined;
    return await startPglite(dir, unlock, startFrom);
  } catch (error) {
    unlock();
    throw error;
  }
}

async function startPglite(dir: string, unlock: () => void, snapshot?: string): Promise<Database> {
  // A short folder of our own: Unix socket paths are limited to ~107 bytes.
  const socketDir = mkdtempSync(path.join(os.tmpdir(), "collective-db-"));
  const worker = new Worker(projectPath("server", "db", "pglite-host.mjs"), {
    workerData: { dataDir: dir, socketPath: path.join(socketDir, ".s.PGSQL.5432"), snapshot },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", () => resolve());
  });
  worker.unref();
  // PGlite runs one query at a time; one pooled connection keeps each transaction on its own session.
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 });
  pool.on("error", () => {});
  const close = async () => {
    await pool.end();
    await new Promise<void>((resolve) => {
      worker.once("message", () => resolve());
      worker.once("exit", () => resolve());
      worker.postMessage("stop");
    });
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    unlock();
  };
  let blobs = 0;
  const withBlob = (statement: string, blob: string) =>
    new Promise<void>((resolve, reject) => {
      const id = ++blobs;
      const onMessage = (message: { ranWithBlob?: number; error?: string }) => {
        if (message.ranWithBlob !== id) return;
        worker.off("message", onMessage);
        if (message.error) reject(new Error(message.error));
        else resolve();
      };
      worker.on("message", onMessage);
      worker.postMessage({ type: "blob", id, statement, blob });
    });
  const saveSnapshot = (file: string) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (message: { dumped?: string; error?: string }) => {
        if (message.dumped !== file) return;
        worker.off("message", onMessage);
        if (message.error) reject(new Error(message.error));
        else resolve();
      };
      worker.on("message", onMessage);
      worker.postMessage({ type: "dump", path: file });
    });
  return { kind: "pglite", db: drizzle(pool, { schema }), pool, withBlob, saveSnapshot, close };
}

/**
 * The URL and the settings for each PostgreSQL session: the URL's own `options` parameter, then no JIT compilation
 * (node-postgres lets the URL's parameters win over the config, so its `options` moves into the config).
 * Collective's statements are short, or read an index and a few thousand rows; planned above the JIT threshold (a
 * team's figures on a large district), compiling cost 30–40 ms a statement and saved less (the goal measures of the
 * 50,000-student bench: 7.5 s with JIT, 6.5 s without).
 */
function withSessionOptions(databaseUrl: string): { connectionString: string; options: string } {
  const own = "-c jit=off";
  const url = new URL(databaseUrl);
  const given = url.searchParams.get("options");
  // Without options of its own the URL is passed as written, so nothing in it is re-encoded.
  if (given === null) return { connectionString: databaseUrl, options: own };
  url.searchParams.delete("options");
  return { connectionString: url.toString(), options: `${given} ${own}` };
}
