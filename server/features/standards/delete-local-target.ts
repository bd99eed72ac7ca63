import { eq } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { learningTargets } from "../../db/schema";
import { conflict } from "../../errors";
import { isStillReferenced } from "./standards.queries";
import type { TargetRow } from "./targets.queries";

/** Deletes a team's own learning target; a 409 problem while assessments are aligned to it. */
export async function deleteLocalTarget(
  db: Db,
  context: ActorContext,
  target: Pick<TargetRow, "id" | "standardId" | "communityId" | "statement">,
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.delete(learningTargets).where(eq(learningTargets.id, target.id));
      await recordAudit(tx, context, {
        action: "learning_target.deleted",
        subjectType: "learning_target",
        subjectId: target.id,
        details: { standardId: target.standardId, communityId: target.communityId, statement: target.statement },
      });
    });
  } catch (error) {
    if (isStillReferenced(error)) conflict("Assessments are aligned to this learning target; it cannot be deleted.");
    throw error;
  }
}
