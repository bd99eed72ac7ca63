import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind } from "../test/test-db";
import { openDatabase } from "./client";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

it("keeps answering right after failed queries (the pool replaces the failed connection)", async () => {
  for (let i = 0; i < 20; i++) {
    await expect(database.db.execute(sql`do $$ begin raise exception 'boom'; end $$`)).rejects.toThrow();
    const result = await database.db.execute<{ n: number }>(sql`select ${i}::int as n`);
    expect(result.rows[0]?.n).toBe(i);
  }
});

it("returns int8 values as numbers on either database", async () => {
  const result = await database.db.execute<{ n: number }>(sql`select count(*) as n from generate_series(1, 3)`);
  expect(result.rows[0]?.n).toBe(3);
});

it("does not block the event loop while a heavy query runs", async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  // One statement that holds the database for 300 ms: were it run on the main thread, no tick could fire.
  await database.db.execute(sql`select pg_sleep(0.3)`);
  clearInterval(timer);
  // About 30 ticks fire when the main thread is free; a busy machine delays some, a blocked thread fires none.
  expect(ticks).toBeGreaterThan(5);
});

// PGlite is built without a JIT provider: this is about PostgreSQL sessions.
it.skipIf(testDatabaseKind() !== "postgres")(
  "compiles no statement with JIT, and keeps the options a PostgreSQL URL gives",
  async () => {
    const jit = await database.db.execute<{ jit: string }>(sql`select current_setting('jit') as jit`);
    expect(jit.rows[0]?.jit).toBe("off");
    const url = new URL(database.url as string);
    url.searchParams.set("options", "-c statement_timeout=12345");
    const other = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    try {
      const settings = await other.db.execute<{ jit: string; timeout: string }>(
        sql`select current_setting('jit') as jit, current_setting('statement_timeout') as timeout`,
      );
      expect(settings.rows[0]).toEqual({ jit: "off", timeout: "12345ms" });
    } finally {
      await other.close();
    }
  },
);
