import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { LearningTargetPatch } from "../../../contract/essentials";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { learningTargets } from "../../db/schema";
import { reorderTargets } from "./essentials.queries";

/** Rewords a learning target and, when a position is given, moves it among its standard's targets. */
export async function updateLearningTarget(
  db: Db,
  context: ActorContext,
  target: { id: string; essentialStandardId: string },
  patch: z.infer<typeof LearningTargetPatch>,
): Promise<void> {
  const { position, ...fields } = patch;
  await db.transaction(async (tx) => {
    if (Object.keys(fields).length) {
      await tx
        .update(learningTargets)
        .set({ ...fields, ...(fields.code === "" ? { code: null } : {}), updatedAt: sql`now()` })
        .where(eq(learningTargets.id, target.id));
    }
    if (position !== undefined) await reorderTargets(tx, target.essentialStandardId, target.id, position);
    await recordAudit(tx, context, {
      action: "learning_target.updated",
      subjectType: "learning_target",
      subjectId: target.id,
      details: { fields: Object.keys(patch), ...(fields.statement ? { statement: fields.statement } : {}) },
    });
  });
}
