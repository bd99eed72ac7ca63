import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

/**
 * Fixed-window counters of failed attempts, kept in the database so every server process shares them.
 * Only failures count: a school's staff often share one public address, and their successful sign-ins
 * must not lock each other out.
 */
export async function isRateLimited(
  db: Db,
  keys: string[],
  limit: number,
  windowSeconds: number,
): Promise<{ limited: boolean; retryAfterSeconds: number }> {
  const result = await db.execute<{ hits: number; retry_after: number }>(sql`
    select hits, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after
      from rate_limits
     where key in (${sql.join(
       keys.map((k) => sql`${k}`),
       sql`, `,
     )}) and window_start > now() - make_interval(secs => ${windowSeconds}) and hits >= ${limit}`);
  const retryAfter = Math.max(1, ...result.rows.map((r) => r.retry_after));
  return { limited: result.rows.length > 0, retryAfterSeconds: retryAfter };
}

/** Counts one failed attempt against each key, starting a new window where the old one has passed. */
export async function recordFailedAttempt(db: Db, keys: string[], windowSeconds: number): Promise<void> {
  for (const key of keys) {
    await db.execute(sql`
      insert into rate_limits (key, window_start, hits) values (${key}, now(), 1)
      on conflict (key) do update set
        hits = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.hits + 1 end,
        window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end`);
  }
}
