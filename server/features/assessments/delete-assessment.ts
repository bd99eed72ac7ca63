import { eq } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { assessments } from "../../db/schema";
import type { AssessmentRow } from "./assessments.queries";

/** Deletes an assessment with its results. */
export async function deleteAssessment(
  db: Db,
  context: ActorContext,
  row: Pick<AssessmentRow, "id" | "communityId" | "title" | "sittingCount">,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(assessments).where(eq(assessments.id, row.id));
    await recordAudit(tx, context, {
      action: "assessment.deleted",
      subjectType: "assessment",
      subjectId: row.id,
      details: { communityId: row.communityId, title: row.title, students: row.sittingCount },
    });
  });
}
