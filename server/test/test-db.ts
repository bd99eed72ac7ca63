import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";

/** Which database the integration tests run on: PGlite unless COLLECTIVE_TEST_DB=postgres. */
export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.COLLECTIVE_TEST_DB === "postgres" ? "postgres" : "pglite";
}

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("COLLECTIVE_TEST_DB=postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)");
  return url;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new PostgreSQL database
 * created beside DATABASE_URL's and dropped again on close.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  // Copies of the database the run's global setup migrated once (server/test/global-setup.ts); without them
  // (a test run some other way) each file migrates its own. Migrating a copy finds nothing to do.
  const snapshot = process.env.COLLECTIVE_TEST_PGLITE_SNAPSHOT;
  const template = process.env.COLLECTIVE_TEST_POSTGRES_TEMPLATE;
  if (testDatabaseKind() === "pglite") {
    const database = await openDatabase({ pgliteDir: "memory://", ...(snapshot ? { pgliteSnapshot: snapshot } : {}) });
    await migrateDatabase(database.db);
    return database;
  }
  const name = `collective_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ""}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateDatabase(database.db);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * A fresh migrated PostgreSQL database when DATABASE_URL is set, whatever COLLECTIVE_TEST_DB says;
 * undefined otherwise. In CI a missing PostgreSQL is a failure, never a silent skip.
 */
export async function createPostgresTestDatabaseIfAvailable(): Promise<(Database & { url?: string }) | undefined> {
  if (!process.env.DATABASE_URL) {
    if (process.env.CI === "true")
      throw new Error("CI=true but DATABASE_URL is not set: the PostgreSQL tests cannot run");
    return undefined;
  }
  const previous = process.env.COLLECTIVE_TEST_DB;
  process.env.COLLECTIVE_TEST_DB = "postgres";
  try {
    return await createTestDatabase();
  } finally {
    process.env.COLLECTIVE_TEST_DB = previous;
  }
}
