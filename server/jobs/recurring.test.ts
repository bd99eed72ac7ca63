import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase } from "../test/test-db";
import { runDueJobs } from "./queue";
import { ensureScheduled, nextUtcHour } from "./recurring";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

it("computes the next occurrence of an hour", () => {
  expect(nextUtcHour(22, new Date("2026-11-23T10:00:00Z")).toISOString()).toBe("2026-11-23T22:00:00.000Z");
  expect(nextUtcHour(22, new Date("2026-11-23T22:00:00Z")).toISOString()).toBe("2026-11-24T22:00:00.000Z");
});

it("keeps one future run of a recurring job, which schedules its own next run", async () => {
  const db = database.db;
  await ensureScheduled(db, "digest", new Date(Date.now() - 1000));
  await ensureScheduled(db, "digest", new Date(Date.now() + 3_600_000));
  await ensureScheduled(db, "digest", new Date(Date.now() + 7_200_000));
  const pending = await db.execute<{ n: number }>(
    sql`select count(*) as n from jobs where kind = 'digest' and done_at is null`,
  );
  expect(pending.rows[0]?.n).toBe(2);
  let runs = 0;
  await runDueJobs(
    db,
    {
      digest: async (tx) => {
        runs++;
        await ensureScheduled(tx, "digest", new Date(Date.now() + 86_400_000));
      },
    },
    pino({ level: "silent" }),
  );
  expect(runs).toBe(1);
  const after = await db.execute<{ n: number }>(
    sql`select count(*) as n from jobs where kind = 'digest' and done_at is null`,
  );
  expect(after.rows[0]?.n).toBe(1);
});
