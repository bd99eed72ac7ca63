import { and, eq } from "drizzle-orm";
import type { ActorContext, AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { meetingDecisions } from "../../db/schema";
import { notFound } from "../../errors";

type Meeting = { id: string; districtId: string };

/** Records a decision the team made in a meeting. */
export async function recordMeetingDecision(
  db: Db,
  context: ActorContext,
  meeting: Meeting,
  text: string,
): Promise<void> {
  await db.insert(meetingDecisions).values({
    districtId: meeting.districtId,
    meetingId: meeting.id,
    text,
    createdById: context.actor.personId,
  });
  await recordAudit(db, context, {
    action: "meeting.decision_recorded",
    subjectType: "meeting",
    subjectId: meeting.id,
  });
}

/** Removes one of a meeting's decisions; 404 when the meeting has no such decision. */
export async function removeMeetingDecision(db: Db, context: AuditContext, meeting: Meeting, decisionId: string) {
  const removed = await db
    .delete(meetingDecisions)
    .where(and(eq(meetingDecisions.id, decisionId), eq(meetingDecisions.meetingId, meeting.id)))
    .returning({ id: meetingDecisions.id });
  if (!removed.length) notFound("decision");
  await recordAudit(db, context, {
    action: "meeting.decision_removed",
    subjectType: "meeting",
    subjectId: meeting.id,
  });
}
