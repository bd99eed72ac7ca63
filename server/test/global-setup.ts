import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";

/*
 * Migrates once for the whole run, then every test file starts from a copy: an in-memory PGlite from a saved
 * data directory (no initdb, no migrations: about 1 s instead of 6), and on PostgreSQL a database created
 * from a migrated template. test-db.ts reads the two from the environment, which the workers inherit.
 */
export default async function setup() {
  const folder = mkdtempSync(path.join(os.tmpdir(), "collective-test-template-"));
  const snapshot = path.join(folder, "pglite.tar");
  const database = await openDatabase({ pgliteDir: "memory://" });
  await migrateDatabase(database.db);
  await database.saveSnapshot?.(snapshot);
  await database.close();
  process.env.COLLECTIVE_TEST_PGLITE_SNAPSHOT = snapshot;
  // Servers and CLI commands the tests start on a new DATA_DIR start from the same copy (config PGLITE_TEMPLATE).
  process.env.PGLITE_TEMPLATE = snapshot;

  const adminUrl = process.env.DATABASE_URL;
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
    rmSync(folder, { recursive: true, force: true });
    if (adminUrl && template) await adminQuery(adminUrl, `drop database if exists ${template} with (force)`);
  };
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
