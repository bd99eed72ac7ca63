import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { resourceComments } from "../../db/schema";

/** Adds the actor's comment to a resource, with its audit entry; returns the stored comment. */
export async function commentOnResource(db: Db, context: ActorContext, resourceId: string, body: string) {
  const { actor } = context;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(resourceComments)
      .values({ districtId: actor.districtId, resourceId, authorId: actor.personId, body })
      .returning();
    if (!row) throw new Error("comment insert returned nothing");
    await recordAudit(tx, context, {
      action: "resource.commented",
      subjectType: "resource",
      subjectId: resourceId,
      details: { commentId: row.id },
    });
    return row;
  });
}
