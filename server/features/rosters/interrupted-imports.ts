import { sql } from "drizzle-orm";
import type pg from "pg";
import type { Db } from "../../db/client";

/** The lock a running import holds for its whole transaction (import-oneroster.ts takes it). */
export const RUN_LOCK_SQL = "select pg_advisory_xact_lock(hashtext('roster-import-run:' || $1))";

const INTERRUPTED = [
  {
    file: "",
    line: null,
    column: null,
    message:
      "The import stopped before it finished (the server was stopped or restarted while it ran). " +
      "It runs in one transaction, so nothing from it was saved; run it again.",
    severity: "error",
  },
];

/**
 * An import whose process died leaves its row "running". A live import holds its run lock (waiting imports
 * too), so a row whose lock anyone can take has no process behind it: it is marked failed. The minute's grace
 * covers the moment between writing the row and taking the lock on PGlite (and the reading before it); should
 * a live import ever be caught in it, its own last update writes the real outcome over this one.
 */
export async function markInterruptedImports(db: Db, districtId: string): Promise<void> {
  await db.execute(sql`
    update roster_imports
       set status = 'failed', finished_at = now(), problems = ${JSON.stringify(INTERRUPTED)}::jsonb
     where id in (select id from roster_imports
                   where district_id = ${districtId} and status = 'running'
                     and started_at < now() - interval '1 minute')
       and pg_try_advisory_xact_lock(hashtext('roster-import-run:' || id::text))`);
}

/**
 * At start-up, before any import of this process can begin: every run left "running" whose run lock is free
 * died with its process, however recently, and is marked failed at once. On PGlite no other process can have
 * the database open (pglite.lock); on PostgreSQL a live run of another server holds its lock from before its
 * row exists (holdRunLock), so it is never taken for a dead one. Returns how many runs it marked.
 */
export async function markImportsLeftRunning(db: Db): Promise<number> {
  const result = await db.execute(sql`
    update roster_imports
       set status = 'failed', finished_at = now(), problems = ${JSON.stringify(INTERRUPTED)}::jsonb
     where id in (select id from roster_imports where status = 'running')
       and pg_try_advisory_xact_lock(hashtext('roster-import-run:' || id::text))
    returning id`);
  return result.rows.length;
}

/**
 * Takes a run's lock on a connection of its own and holds it until released (PostgreSQL, where several
 * processes may share the database): taken before the run's row is written, it leaves no moment in which
 * another server's start-up could take the live run for a dead one. The import's transaction must then not
 * take the same lock (it would wait for this connection forever).
 */
export async function holdRunLock(pool: pg.Pool, runId: string): Promise<{ release(): Promise<void> }> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('roster-import-run:' || $1))", [runId]);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  return {
    release: async () => {
      try {
        await client.query("select pg_advisory_unlock(hashtext('roster-import-run:' || $1))", [runId]);
        client.release();
      } catch (error) {
        // Dropping the connection ends its session, and the lock with it.
        client.release(error as Error);
      }
    },
  };
}
