import { sql } from "drizzle-orm";
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
 * covers the moment between writing the row and taking the lock; should a live import ever be caught in it,
 * its own last update writes the real outcome over this one.
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
