import { eq } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { assessmentClasses } from "../../db/schema";
import type { AssessmentRow } from "./assessments.queries";

/** Replaces the classes an assessment is given to. */
export async function setAssessmentClasses(
  db: Db,
  context: ActorContext,
  row: Pick<AssessmentRow, "id" | "districtId">,
  classIds: string[],
): Promise<void> {
  // Results already entered stay: the students of a class taken off simply leave the grid.
  await db.transaction(async (tx) => {
    await tx.delete(assessmentClasses).where(eq(assessmentClasses.assessmentId, row.id));
    if (classIds.length) {
      await tx
        .insert(assessmentClasses)
        .values(classIds.map((classId) => ({ districtId: row.districtId, assessmentId: row.id, classId })));
    }
    await recordAudit(tx, context, {
      action: "assessment.classes_updated",
      subjectType: "assessment",
      subjectId: row.id,
      details: { classIds },
    });
  });
}
