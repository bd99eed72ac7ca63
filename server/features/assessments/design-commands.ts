import { and, eq } from "drizzle-orm";
import type { TargetsInput } from "../../../contract/assessments";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { assessmentClasses, assessmentTargets } from "../../db/schema";
import type { AssessmentRow } from "./assessments.queries";
import { recomputeTargetResults } from "./target-results";

/** Sets the cut scores of the targets an assessment measures, and recomputes its results' levels. */
export async function setCutScores(
  db: Db,
  context: ActorContext,
  assessmentId: string,
  targets: TargetsInput["targets"],
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const entry of targets) {
      await tx
        .update(assessmentTargets)
        .set({ cutScores: entry.cutScores })
        .where(and(eq(assessmentTargets.assessmentId, assessmentId), eq(assessmentTargets.targetId, entry.targetId)));
    }
    await recomputeTargetResults(tx, assessmentId);
    await recordAudit(tx, context, {
      action: "assessment.cut_scores_updated",
      subjectType: "assessment",
      subjectId: assessmentId,
      details: { targets: targets.map((t) => ({ targetId: t.targetId, cutScores: t.cutScores })) },
    });
  });
}

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
