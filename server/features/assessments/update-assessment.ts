import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AssessmentPatch } from "../../../contract/assessments";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { assessments } from "../../db/schema";
import type { AssessmentRow } from "./assessments.queries";

/** Changes an assessment; a new date for it re-dates its results. */
export async function updateAssessment(
  db: Db,
  context: ActorContext,
  row: Pick<AssessmentRow, "id" | "givenOn">,
  patch: z.infer<typeof AssessmentPatch>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(assessments)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(assessments.id, row.id));
    if (patch.givenOn !== undefined && patch.givenOn !== row.givenOn) {
      // Results are dated by the day the assessment was given.
      await tx.execute(sql`update target_results set assessed_on = ${patch.givenOn}
        where assessment_id = ${row.id}`);
    }
    await recordAudit(tx, context, {
      action: "assessment.updated",
      subjectType: "assessment",
      subjectId: row.id,
      details: { fields: Object.keys(patch) },
    });
  });
}
