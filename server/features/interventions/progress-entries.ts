import type { z } from "zod";
import type { GroupScoresInput, GroupSessionsInput, ScoreEntry, SessionEntry } from "../../../contract/interventions";
import type { ActorContext } from "../../audit/audit-context";
import { type AuditEntry, recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import type { PlanTarget } from "../../policy/rules";
import { groupEntryPlans } from "./group-entries";
import { writeScores, writeSessions } from "./record-progress";

type Counts = { saved: number; removed: number };

/** Writes entries and their audit entry in one transaction; returns how many were saved and removed. */
async function writeAudited(
  db: Db,
  context: ActorContext,
  write: (tx: Db) => Promise<Counts>,
  entry: (counts: Counts) => AuditEntry,
): Promise<Counts> {
  return db.transaction(async (tx) => {
    const counts = await write(tx);
    await recordAudit(tx, context, entry(counts));
    return counts;
  });
}

/** One plan's score for a day (or its removal), audited. */
export function recordPlanScore(db: Db, context: ActorContext, target: PlanTarget, input: z.output<typeof ScoreEntry>) {
  return writeAudited(
    db,
    context,
    (tx) => writeScores(tx, context.actor, [{ ...input, planId: target.id }]),
    (counts) => ({
      action: "intervention_plan.progress_recorded",
      subjectType: "student",
      subjectId: target.student.id,
      details: { planId: target.id, measuredOn: input.measuredOn, ...counts },
    }),
  );
}

/** One plan's session for a day (or its removal), audited. */
export function recordPlanSession(
  db: Db,
  context: ActorContext,
  target: PlanTarget,
  input: z.output<typeof SessionEntry>,
) {
  return writeAudited(
    db,
    context,
    (tx) => writeSessions(tx, context.actor, [{ ...input, planId: target.id }]),
    (counts) => ({
      action: "intervention_plan.session_recorded",
      subjectType: "student",
      subjectId: target.student.id,
      details: { planId: target.id, sessionOn: input.sessionOn, ...counts },
    }),
  );
}

/** Quick entry of a group's scores for one day, for plans the actor may record progress on; audited. */
export async function recordGroupScores(
  db: Db,
  context: ActorContext,
  groupId: string,
  input: z.output<typeof GroupScoresInput>,
) {
  const { measuredOn, scores } = input;
  await groupEntryPlans(db, context.actor, groupId, scores, "scores", measuredOn);
  const writes = scores.map((s) => ({ ...s, measuredOn }));
  return writeAudited(
    db,
    context,
    (tx) => writeScores(tx, context.actor, writes),
    (counts) => ({
      action: "intervention_group.progress_recorded",
      subjectType: "intervention_group",
      subjectId: groupId,
      details: { measuredOn, students: scores.length, ...counts },
    }),
  );
}

/** Quick entry of a group's session attendance for one day, for plans the actor may record progress on; audited. */
export async function recordGroupSessions(
  db: Db,
  context: ActorContext,
  groupId: string,
  input: z.output<typeof GroupSessionsInput>,
) {
  const { sessionOn, attendance } = input;
  await groupEntryPlans(db, context.actor, groupId, attendance, "attendance", sessionOn);
  const writes = attendance.map((a) => ({ ...a, sessionOn }));
  return writeAudited(
    db,
    context,
    (tx) => writeSessions(tx, context.actor, writes),
    (counts) => ({
      action: "intervention_group.sessions_recorded",
      subjectType: "intervention_group",
      subjectId: groupId,
      details: { sessionOn, students: attendance.length, ...counts },
    }),
  );
}
