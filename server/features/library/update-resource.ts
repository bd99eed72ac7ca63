import { eq, sql } from "drizzle-orm";
import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { resources } from "../../db/schema";
import { type ResourceRow, resourceSearchVector } from "./library.queries";
import type { ResourceFields } from "./resource-input";
import type { Placement } from "./resource-placement";

/** Saves an edited resource (its fields and where it is shared) with its audit entry, in one transaction. */
export async function updateResource(
  db: Db,
  context: AuditContext,
  resource: ResourceRow,
  change: { fields: ResourceFields; placement: Placement; patchedKeys: string[] },
): Promise<void> {
  const { fields, placement } = change;
  await db.transaction(async (tx) => {
    await tx
      .update(resources)
      .set({
        ...fields,
        scope: placement.scope,
        communityId: placement.communityId,
        schoolId: placement.schoolId,
        search: resourceSearchVector(fields),
        updatedAt: sql`now()`,
      })
      .where(eq(resources.id, resource.id));
    await recordAudit(tx, context, {
      action: "resource.updated",
      subjectType: "resource",
      subjectId: resource.id,
      details: {
        fields: change.patchedKeys,
        ...(placement.moves ? { from: resource.scope, to: placement.scope } : {}),
      },
    });
  });
}
