import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AssessmentInput, AssessmentPatch } from "../../../contract/assessments";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { assessmentClasses, assessments } from "../../db/schema";
import type { AssessmentRow } from "./assessments.queries";

/** Creates a team's assessment, given to the chosen classes; returns its id. */
export async function createAssessment(
  db: Db,
  context: ActorContext,
  communityId: string,
  fields: Omit<AssessmentInput, "classIds">,
  classIds: string[],
): Promise<string> {
  const { districtId, personId } = context.actor;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assessments)
      .values({ ...fields, districtId, communityId, createdById: personId })
      .returning({ id: assessments.id });
    if (!row) throw new Error("assessment insert returned nothing");
    if (classIds.length) {
      await tx
        .insert(assessmentClasses)
        .values(classIds.map((classId) => ({ districtId, assessmentId: row.id, classId })));
    }
    await recordAudit(tx, context, {
      action: "assessment.created",
      subjectType: "assessment",
      subjectId: row.id,
      details: { communityId, title: fields.title, classes: classIds.length },
    });
    return row.id;
  });
}

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
