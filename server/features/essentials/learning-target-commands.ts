import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { LearningTargetInput, LearningTargetPatch } from "../../../contract/essentials";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { learningTargets } from "../../db/schema";
import type { EssentialStandardRow } from "./essentials.queries";
import { reorderTargets } from "./essentials.queries";

/** Adds a learning target at the end of those that unpack an essential standard. */
export async function createLearningTarget(
  db: Db,
  context: ActorContext,
  essential: Pick<EssentialStandardRow, "id" | "districtId" | "communityId" | "standard">,
  input: z.infer<typeof LearningTargetInput>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(learningTargets)
      .values({
        districtId: essential.districtId,
        standardId: essential.standard.id,
        communityId: essential.communityId,
        essentialStandardId: essential.id,
        code: input.code || null,
        statement: input.statement,
        position: sql`(select coalesce(max(position) + 1, 0) from learning_targets
          where essential_standard_id = ${essential.id})`,
        createdById: context.actor.personId,
      })
      .returning({ id: learningTargets.id });
    if (!row) throw new Error("learning target insert returned nothing");
    await recordAudit(tx, context, {
      action: "learning_target.created",
      subjectType: "learning_target",
      subjectId: row.id,
      details: { essentialStandardId: essential.id, statement: input.statement },
    });
  });
}

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
