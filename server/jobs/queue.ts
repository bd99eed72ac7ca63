import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../db/client";
import { jobs } from "../db/schema";
import { loggableError } from "../errors";

/**
 * Runs one job. A payload's `secret` part (the full text of an email with a sign-in link) is removed once
 * the job is done or has used its last attempt, so it is kept no longer than delivery needs it.
 */
export type JobHandler = (db: Db, payload: Record<string, unknown>) => Promise<void>;

const MAX_ATTEMPTS = 5;

/** Queues background work in the database; any server process may pick it up. */
export async function enqueueJob(db: Db, kind: string, payload: Record<string, unknown>): Promise<void> {
  await db.insert(jobs).values({ kind, payload });
}

type JobRow = { id: string; kind: string; payload: Record<string, unknown>; attempts: number };

/** Claims due jobs (SKIP LOCKED, so processes never take the same one) and runs them; returns how many ran. */
export async function runDueJobs(
  db: Db,
  handlers: Record<string, JobHandler>,
  log: FastifyBaseLogger,
): Promise<number> {
  const claimed = await db.execute<JobRow>(sql`
    update jobs set locked_until = now() + interval '2 minutes', attempts = attempts + 1
     where id in (select id from jobs
                   where done_at is null and run_at <= now() and attempts < ${MAX_ATTEMPTS}
                     and (locked_until is null or locked_until < now())
                   order by run_at limit 10 for update skip locked)
    returning id, kind, payload, attempts`);
  for (const job of claimed.rows) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(db, job.payload);
      await db.execute(
        sql`update jobs set done_at = now(), locked_until = null, payload = payload - 'secret' where id = ${job.id}`,
      );
    } catch (error) {
      log.warn({ err: loggableError(error), jobId: job.id, kind: job.kind }, "job failed");
      // Back off exponentially: 30 s, 1 min, 2 min, 4 min.
      await db.execute(sql`
        update jobs set locked_until = null, last_error = ${loggableError(error).message},
               run_at = now() + make_interval(secs => ${30 * 2 ** (job.attempts - 1)}),
               payload = case when attempts >= ${MAX_ATTEMPTS} then payload - 'secret' else payload end
         where id = ${job.id}`);
    }
  }
  return claimed.rows.length;
}

/** Polls for due jobs until stopped. */
export function startJobRunner(
  db: Db,
  handlers: Record<string, JobHandler>,
  log: FastifyBaseLogger,
  intervalMs = 2000,
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await runDueJobs(db, handlers, log);
    } catch (error) {
      log.warn({ err: loggableError(error) }, "job runner could not poll");
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
