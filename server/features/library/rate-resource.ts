import { sql } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { resourceRatings } from "../../db/schema";

/** Records (or replaces) the actor's usefulness rating of a resource, with its audit entry. */
export async function rateResource(db: Db, context: ActorContext, resourceId: string, usefulness: number) {
  const { actor } = context;
  await db.transaction(async (tx) => {
    await tx
      .insert(resourceRatings)
      .values({ districtId: actor.districtId, resourceId, personId: actor.personId, usefulness })
      .onConflictDoUpdate({
        target: [resourceRatings.resourceId, resourceRatings.personId],
        set: { usefulness, createdAt: sql`now()` },
      });
    await recordAudit(tx, context, {
      action: "resource.rated",
      subjectType: "resource",
      subjectId: resourceId,
      details: { usefulness },
    });
  });
}
