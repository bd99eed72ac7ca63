import { eq } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { learningTargets } from "../../db/schema";
import { reorderTargets } from "./essentials.queries";

/** Deletes a learning target and closes the gap it leaves in its standard's order. */
export async function deleteLearningTarget(
  db: Db,
  context: ActorContext,
  target: { id: string; essentialStandardId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(learningTargets).where(eq(learningTargets.id, target.id));
    await reorderTargets(tx, target.essentialStandardId);
    await recordAudit(tx, context, {
      action: "learning_target.deleted",
      subjectType: "learning_target",
      subjectId: target.id,
      details: { essentialStandardId: target.essentialStandardId },
    });
  });
}
