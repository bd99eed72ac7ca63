import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { FeedbackInput } from "../../../contract/visits";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { classroomVisits, visitFeedback } from "../../db/schema";
import { conflict } from "../../errors";
import { sendNotices } from "../notifications/notices";
import type { VisitRow } from "./visits.queries";

/** A visitor's feedback, once per visit: it completes the visit and tells the host. */
export async function giveFeedback(
  db: Db,
  context: ActorContext,
  visit: VisitRow,
  input: z.infer<typeof FeedbackInput>,
): Promise<void> {
  const { actor } = context;
  if (visit.feedback.some((f) => f.visitor.id === actor.personId))
    conflict("You have already given feedback on this visit.");
  await db.transaction(async (tx) => {
    await tx
      .insert(visitFeedback)
      .values({ districtId: visit.districtId, visitId: visit.id, visitorId: actor.personId, ...input });
    if (visit.status !== "completed")
      await tx.update(classroomVisits).set({ status: "completed" }).where(eq(classroomVisits.id, visit.id));
    await sendNotices(
      tx,
      [
        {
          districtId: visit.districtId,
          personId: visit.host.id,
          kind: "visit",
          title: `${actor.displayName} left feedback on your classroom visit`,
          link: `/visits/${visit.id}`,
          actorId: actor.personId,
        },
      ],
      null,
    );
    await recordAudit(tx, context, { action: "visit.feedback_given", subjectType: "visit", subjectId: visit.id });
  });
}
