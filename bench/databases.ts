import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";

/** A migrated embedded database in a fresh temporary DATA_DIR, removed again on close. */
export async function openBenchPglite(): Promise<Database> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "collective-bench-"));
  const database = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
  const close = async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return migrated({ ...database, close });
}

async function runAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A migrated database created beside `adminUrl`'s (as the tests do), with the server's default pool size,
 * dropped again on close: the benchmark never touches the database the URL names.
 */
export async function openBenchPostgres(adminUrl: string): Promise<Database> {
  const name = `collective_bench_${randomBytes(6).toString("hex")}`;
  await runAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  const close = async () => {
    await database.close();
    await runAdmin(adminUrl, `drop database if exists ${name} with (force)`);
  };
  return migrated({ ...database, close });
}

/** Migrates a bench database, or closes (and so removes) it again when migrating fails. */
async function migrated(database: Database): Promise<Database> {
  try {
    await migrateDatabase(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
