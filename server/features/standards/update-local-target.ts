import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { LearningTargetPatch } from "../../../contract/standards";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { learningTargets } from "../../db/schema";
import type { TargetRow } from "./targets.queries";

/** Rewords, recodes or moves a team's own learning target; the audit entry keeps what it said before. */
export async function updateLocalTarget(
  db: Db,
  context: ActorContext,
  target: Pick<TargetRow, "id" | "statement" | "code">,
  patch: z.infer<typeof LearningTargetPatch>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(learningTargets)
      .set({
        ...(patch.statement !== undefined ? { statement: patch.statement } : {}),
        ...(patch.code !== undefined ? { code: patch.code || null } : {}),
        ...(patch.position !== undefined ? { position: patch.position } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(learningTargets.id, target.id));
    await recordAudit(tx, context, {
      action: "learning_target.updated",
      subjectType: "learning_target",
      subjectId: target.id,
      details: { fields: Object.keys(patch), before: { statement: target.statement, code: target.code } },
    });
  });
}
