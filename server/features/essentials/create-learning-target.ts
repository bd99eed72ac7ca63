import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { LearningTargetInput } from "../../../contract/essentials";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { learningTargets } from "../../db/schema";
import type { EssentialStandardRow } from "./essentials.queries";

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
