import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { interventionSessions, progressScores } from "../../db/schema";
import type { Actor } from "../../policy/actor";

export type ScoreWrite = { planId: string; measuredOn: string; score: number | null; note?: string | undefined };
export type SessionWrite = {
  planId: string;
  sessionOn: string;
  attendance: "present" | "absent" | "not_held" | null;
  minutes?: number | null | undefined;
};

/** One score per plan and day: a number writes it (overwriting), null removes it. */
export async function writeScores(tx: Db, actor: Actor, writes: readonly ScoreWrite[]) {
  const saved = writes.filter((w) => w.score !== null);
  const removed = writes.filter((w) => w.score === null);
  if (saved.length) {
    await tx
      .insert(progressScores)
      .values(
        saved.map((w) => ({
          districtId: actor.districtId,
          planId: w.planId,
          measuredOn: w.measuredOn,
          score: w.score as number,
          note: w.note ?? "",
          recordedById: actor.personId,
        })),
      )
      .onConflictDoUpdate({
        target: [progressScores.planId, progressScores.measuredOn],
        set: {
          score: sql`excluded.score`,
          note: sql`excluded.note`,
          recordedById: sql`excluded.recorded_by_id`,
        },
      });
  }
  let removedCount = 0;
  for (const w of removed) {
    const result = await tx.execute(
      sql`delete from progress_scores where plan_id = ${w.planId} and measured_on = ${w.measuredOn}`,
    );
    removedCount += result.rowCount ?? 0;
  }
  return { saved: saved.length, removed: removedCount };
}

/** One attendance record per plan and day: a value writes it, null removes it. */
export async function writeSessions(tx: Db, actor: Actor, writes: readonly SessionWrite[]) {
  const saved = writes.filter((w) => w.attendance !== null);
  const removed = writes.filter((w) => w.attendance === null);
  if (saved.length) {
    await tx
      .insert(interventionSessions)
      .values(
        saved.map((w) => ({
          districtId: actor.districtId,
          planId: w.planId,
          sessionOn: w.sessionOn,
          attendance: w.attendance as "present" | "absent" | "not_held",
          minutes: w.attendance === "present" ? (w.minutes ?? null) : null,
          recordedById: actor.personId,
        })),
      )
      .onConflictDoUpdate({
        target: [interventionSessions.planId, interventionSessions.sessionOn],
        set: {
          attendance: sql`excluded.attendance`,
          minutes: sql`excluded.minutes`,
          recordedById: sql`excluded.recorded_by_id`,
        },
      });
  }
  let removedCount = 0;
  for (const w of removed) {
    const result = await tx.execute(
      sql`delete from intervention_sessions where plan_id = ${w.planId} and session_on = ${w.sessionOn}`,
    );
    removedCount += result.rowCount ?? 0;
  }
  return { saved: saved.length, removed: removedCount };
}
