import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { resourceUses } from "../../db/schema";

/** Records that the actor used a resource in their classroom, with a reflection; returns the stored use. */
export async function recordResourceUse(
  db: Db,
  context: ActorContext,
  resourceId: string,
  use: { usedOn: string; reflection: string },
) {
  const { actor } = context;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(resourceUses)
      .values({
        districtId: actor.districtId,
        resourceId,
        personId: actor.personId,
        usedOn: use.usedOn,
        reflection: use.reflection,
      })
      .returning();
    if (!row) throw new Error("use insert returned nothing");
    await recordAudit(tx, context, {
      action: "resource.use_recorded",
      subjectType: "resource",
      subjectId: resourceId,
      details: { useId: row.id, usedOn: row.usedOn },
    });
    return row;
  });
}
