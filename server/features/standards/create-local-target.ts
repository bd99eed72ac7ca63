import type { z } from "zod";
import type { LearningTargetInput } from "../../../contract/standards";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { learningTargets } from "../../db/schema";

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
