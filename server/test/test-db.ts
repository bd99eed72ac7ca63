import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
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
  if (testDatabaseKind() === "pglite") return reusablePglite(snapshot);
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

/*
 * Starting an in-memory PGlite costs about 1.5 s of CPU even from the snapshot; emptying one costs about 0.3 s.
 * So a closed test database goes back to its worker (test files share a worker's modules) to be emptied and
 * handed to the worker's next file, unless the closed file changed its schema. Emptied means as the migrated
 * snapshot left it: every table of the schema truncated (migrations insert no rows), identities restarted, and
 * the session's settings and advisory locks reset.
 */
const spare: { database: Database; uses: number }[] = [];
const MAX_USES = 25;
let schemaShape: { tables: string; fingerprint: string } | undefined;

async function readSchemaShape(database: Database) {
  const result = await database.db.execute<{ tables: string; fingerprint: string }>(sql`
    select (select string_agg(format('%I.%I', schemaname, tablename), ', ' order by tablename)
              from pg_tables where schemaname = 'public') as tables,
           concat_ws('/', (select count(*) from pg_class), (select count(*) from pg_trigger),
                     (select count(*) from pg_proc), (select count(*) from pg_type),
                     (select count(*) from pg_namespace), (select count(*) from pg_attribute where attnum > 0)) as fingerprint`);
  const row = result.rows[0];
  if (!row) throw new Error("could not read the test database's schema");
  return row;
}

async function reusablePglite(snapshot: string | undefined): Promise<Database> {
  let entry = spare.pop();
  if (!entry) {
    const database = await openDatabase({ pgliteDir: "memory://", ...(snapshot ? { pgliteSnapshot: snapshot } : {}) });
    await migrateDatabase(database.db);
    schemaShape ??= await readSchemaShape(database);
    entry = { database, uses: 0 };
  }
  const { database } = entry;
  const uses = entry.uses + 1;
  let closed = false;
  return {
    ...database,
    close: async () => {
      if (closed) return;
      closed = true;
      if (uses < MAX_USES && (await emptied(database))) spare.push({ database, uses });
      else await database.close();
    },
  };
}

/** Empties a used test database for the next file; false (and it is closed instead) if that cannot be sure. */
async function emptied(database: Database): Promise<boolean> {
  if (!schemaShape) return false;
  try {
    const shape = await readSchemaShape(database);
    if (shape.tables !== schemaShape.tables || shape.fingerprint !== schemaShape.fingerprint) return false;
    // `tables` are names the catalog gave, quoted by format('%I').
    await database.db.execute(sql.raw(`truncate ${shape.tables} restart identity cascade`));
    // Not `discard all`: the driver keeps its prepared statements across files, as a server's pool would.
    await database.db.execute(sql`reset all`);
    await database.db.execute(sql`select pg_advisory_unlock_all()`);
    return true;
  } catch {
    return false;
  }
}
