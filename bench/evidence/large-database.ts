import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, openDatabase } from "../../server/db/client";
import { migrateDatabase } from "../../server/db/migrate";
import { generateDistrict } from "../../server/demo/large-district/generate-district";

/*
 * The generated 50,000-student district takes minutes to build, so the benchmark keeps it between runs:
 * PostgreSQL in a database of its own beside DATABASE_URL's, PGlite under bench/.cache/. Bump
 * GENERATOR_VERSION when the generator changes, and the next run builds it afresh.
 */
const GENERATOR_VERSION = 2;
export const LARGE_SLUG = "bench-50k";
export const LARGE_STUDENTS = 50_000;

async function isComplete(database: Database): Promise<boolean> {
  try {
    await migrateDatabase(database.db);
    const result = await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from assessments a join districts d on d.id = a.district_id
      where d.slug = ${LARGE_SLUG} and a.sourced_id like 'gen-assessment-%'`);
    return (result.rows[0]?.n ?? 0) === 200;
  } catch {
    return false;
  }
}

async function generate(database: Database, log: (line: string) => void): Promise<void> {
  await migrateDatabase(database.db);
  const started = performance.now();
  const result = await generateDistrict(database, { students: LARGE_STUDENTS, slug: LARGE_SLUG, log });
  log(
    `  generated in ${((performance.now() - started) / 1000).toFixed(0)} s: ${result.evidence.targetResults.toLocaleString("en-US")} target results`,
  );
}

/** The PGlite database holding the generated district, built on first use. */
export async function openLargePglite(log: (line: string) => void): Promise<Database> {
  const dir = path.join(import.meta.dirname, "..", ".cache", `pglite-large-v${GENERATOR_VERSION}`);
  if (existsSync(dir)) {
    const database = await openDatabase({ pgliteDir: dir });
    if (await isComplete(database)) return database;
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  log(`pglite: generating the ${LARGE_STUDENTS.toLocaleString("en-US")}-student district once (kept in ${dir})…`);
  const database = await openDatabase({ pgliteDir: dir });
  await generate(database, log);
  return database;
}

/** The PostgreSQL database holding the generated district (beside `adminUrl`'s), built on first use. */
export async function openLargePostgres(adminUrl: string, log: (line: string) => void): Promise<Database> {
  const name = `collective_bench_large_v${GENERATOR_VERSION}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount) {
      const database = await openDatabase({ databaseUrl: url.toString() });
      if (await isComplete(database)) return database;
      await database.close();
      await admin.query(`drop database ${name} with (force)`);
    }
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  log(
    `postgres: generating the ${LARGE_STUDENTS.toLocaleString("en-US")}-student district once (kept in database ${name})…`,
  );
  const database = await openDatabase({ databaseUrl: url.toString() });
  await generate(database, log);
  return database;
}
