import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { VisitPatch } from "../../../contract/visits";
import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { classroomVisits, visitFeedback } from "../../db/schema";
import { invalid, notFound } from "../../errors";
import type { VisitRow } from "./visits.queries";

/** The host changes the visit's focus, status, team or time. */
export async function updateVisit(
  db: Db,
  context: AuditContext,
  visit: VisitRow,
  patch: z.infer<typeof VisitPatch>,
): Promise<void> {
  const { startsAt, ...fields } = patch;
  const when = startsAt === undefined ? {} : { startsAt: startsAt ? new Date(startsAt) : null };
  await db
    .update(classroomVisits)
    .set({ ...fields, ...when })
    .where(eq(classroomVisits.id, visit.id));
  await recordAudit(db, context, {
    action: "visit.updated",
    subjectType: "visit",
    subjectId: visit.id,
    details: { fields: Object.keys(patch) },
  });
}

/** The host shares one piece of feedback with the visit's team, or stops sharing it. */
export async function shareFeedback(
  db: Db,
  context: AuditContext,
  visit: VisitRow,
  feedbackId: string,
  isSharedWithTeam: boolean,
): Promise<void> {
  if (isSharedWithTeam && !visit.communityId) {
    invalid("Choose the team to share with first.", [
      { pointer: "/body/isSharedWithTeam", detail: "This visit has no team." },
    ]);
  }
  const updated = await db
    .update(visitFeedback)
    .set({ isSharedWithTeam })
    .where(and(eq(visitFeedback.id, feedbackId), eq(visitFeedback.visitId, visit.id)))
    .returning({ id: visitFeedback.id });
  if (!updated.length) notFound("feedback");
  await recordAudit(db, context, {
    action: isSharedWithTeam ? "visit.feedback_shared" : "visit.feedback_unshared",
    subjectType: "visit",
    subjectId: visit.id,
  });
}
