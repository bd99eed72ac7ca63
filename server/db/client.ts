import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

// int8 (counts, bigserial ids) arrives as a string from the wire protocol; the values we store fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DbKind = "pglite" | "postgres";
export type Db = NodePgDatabase<typeof schema>;

export type Database = {
  kind: DbKind;
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** A postgres:// URL; without one the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database, or "memory://" for a throwaway one. */
  pgliteDir?: string;
  poolSize?: number;
};

/** Opens PostgreSQL, or starts embedded PGlite in a worker thread and connects to it over a Unix socket. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on("error", () => {});
    return { kind: "postgres", db: drizzle(pool, { schema }), pool, close: () => pool.end() };
  }
  return openPglite(options.pgliteDir ?? "memory://");
}

async function openPglite(dir: string): Promise<Database> {
  if (dir !== "memory://") mkdirSync(dir, { recursive: true });
  // A short folder of our own: Unix socket paths are limited to ~107 bytes.
  const socketDir = mkdtempSync(path.join(os.tmpdir(), "collective-db-"));
  const worker = new Worker(new URL("./pglite-host.mjs", import.meta.url), {
    workerData: { dataDir: dir, socketPath: path.join(socketDir, ".s.PGSQL.5432") },
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
  };
  return { kind: "pglite", db: drizzle(pool, { schema }), pool, close };
}
