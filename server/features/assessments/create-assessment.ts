import type { AssessmentInput } from "../../../contract/assessments";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { assessmentClasses, assessments } from "../../db/schema";

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
