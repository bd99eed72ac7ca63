import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { testDatabaseKind } from "./test-db";

const MIGRATIONS = path.join(import.meta.dirname, "../db/migrations");
/** Where the migrated PGlite snapshot is kept between runs: `npm test` runs vitest several times. */
const SNAPSHOTS = path.join(import.meta.dirname, "../../.tmp/test-templates");

/*
 * Migrates once for the whole run, then every test file starts from a copy: an in-memory PGlite from a saved
 * data directory (no initdb, no migrations: about 1 s instead of 6), and on PostgreSQL a database created
 * from a migrated template. test-db.ts reads the two from the environment, which the workers inherit.
 */
export default async function setup() {
  const snapshot = await migratedSnapshot();
  process.env.COLLECTIVE_TEST_PGLITE_SNAPSHOT = snapshot;
  // Servers and CLI commands the tests start on a new DATA_DIR start from the same copy (config PGLITE_TEMPLATE).
  process.env.PGLITE_TEMPLATE = snapshot;

  // Only the PostgreSQL phase uses a PostgreSQL template (DATABASE_URL is set for every phase in CI).
  const adminUrl = testDatabaseKind() === "postgres" ? process.env.DATABASE_URL : undefined;
  let template: string | undefined;
  if (adminUrl) {
    template = `collective_template_${randomBytes(6).toString("hex")}`;
    await adminQuery(adminUrl, `create database ${template}`);
    const url = new URL(adminUrl);
    url.pathname = `/${template}`;
    const templateDatabase = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await migrateDatabase(templateDatabase.db);
    await templateDatabase.close();
    process.env.COLLECTIVE_TEST_POSTGRES_TEMPLATE = template;
  }

  return async () => {
    if (adminUrl && template) await adminQuery(adminUrl, `drop database if exists ${template} with (force)`);
  };
}

/**
 * A PGlite data directory migrated to the latest schema, saved under a name that changes with the migrations
 * and the PGlite version, so each version is made once; written under a temporary name, then renamed, so a
 * second vitest process starting at the same moment never reads half a file.
 */
async function migratedSnapshot(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(readFileSync(path.join(import.meta.dirname, "../../node_modules/@electric-sql/pglite/package.json")));
  for (const name of readdirSync(MIGRATIONS, { recursive: true, encoding: "utf8" }).sort()) {
    const file = path.join(MIGRATIONS, name);
    if (name.endsWith(".sql") || name.endsWith(".json")) hash.update(name).update(readFileSync(file));
  }
  const snapshot = path.join(SNAPSHOTS, `pglite-${hash.digest("hex").slice(0, 16)}.tar`);
  if (existsSync(snapshot)) return snapshot;
  mkdirSync(SNAPSHOTS, { recursive: true });
  const folder = mkdtempSync(path.join(SNAPSHOTS, "making-"));
  try {
    const database = await openDatabase({ pgliteDir: "memory://" });
    await migrateDatabase(database.db);
    await database.saveSnapshot?.(path.join(folder, "pglite.tar"));
    await database.close();
    renameSync(path.join(folder, "pglite.tar"), snapshot);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return snapshot;
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
