import { sql } from "drizzle-orm";
import { now as clockNow } from "../clock";
import type { Db } from "../db/client";

/**
 * Queues a job of this kind for `runAt` unless a later one is already waiting (several processes may all
 * ask). A job that is due or running does not count, so a recurring job can schedule its own next run.
 */
export async function ensureScheduled(db: Db, kind: string, runAt: Date): Promise<void> {
  await db.execute(sql`
    insert into jobs (kind, payload, run_at)
    select ${kind}, '{}'::jsonb, ${runAt.toISOString()}::timestamptz
     where not exists (select 1 from jobs where kind = ${kind} and done_at is null and run_at > now())`);
}

/** The next time it is `hour`:00 UTC. */
export function nextUtcHour(hour: number, now = clockNow()): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
