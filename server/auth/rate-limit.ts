import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

/**
 * Counts one hit against `key` in a fixed window and returns whether the limit is exceeded.
 * The counter lives in the database so every server process shares it.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<{ limited: boolean; retryAfterSeconds: number }> {
  const result = await db.execute<{ hits: number; retry_after: number }>(sql`
    insert into rate_limits (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end
    returning hits, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after`);
  const row = result.rows[0] ?? { hits: 1, retry_after: windowSeconds };
  return { limited: row.hits > limit, retryAfterSeconds: Math.max(1, row.retry_after) };
}
