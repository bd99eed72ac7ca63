import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { LearningTargetInput, LearningTargetPatch } from "../../../contract/standards";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { learningTargets } from "../../db/schema";
import { conflict } from "../../errors";
import { isStillReferenced } from "./standards.queries";
import type { TargetRow } from "./targets.queries";

/** Adds a team's own learning target under a standard, at `position`; returns its id. */
export async function createLocalTarget(
  db: Db,
  context: ActorContext,
  standard: { id: string; districtId: string },
  input: z.infer<typeof LearningTargetInput>,
  position: number,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(learningTargets)
      .values({
        districtId: standard.districtId,
        standardId: standard.id,
        communityId: input.communityId,
        code: input.code || null,
        statement: input.statement,
        position,
        createdById: context.actor.personId,
      })
      .returning({ id: learningTargets.id });
    if (!created) throw new Error("learning target insert returned nothing");
    await recordAudit(tx, context, {
      action: "learning_target.created",
      subjectType: "learning_target",
      subjectId: created.id,
      details: { standardId: standard.id, communityId: input.communityId, statement: input.statement },
    });
    return created.id;
  });
}

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
