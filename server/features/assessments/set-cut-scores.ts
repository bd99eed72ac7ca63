import { and, eq } from "drizzle-orm";
import type { TargetsInput } from "../../../contract/assessments";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { assessmentTargets } from "../../db/schema";
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
