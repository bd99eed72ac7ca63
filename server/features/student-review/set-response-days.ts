import { eq, sql } from "drizzle-orm";
import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { communities } from "../../db/schema";

/** Sets how many school days the team gives itself to respond to a result below proficient. */
export async function setResponseDays(
  db: Db,
  context: AuditContext,
  communityId: string,
  responseDays: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(communities).set({ responseDays, updatedAt: sql`now()` }).where(eq(communities.id, communityId));
    await recordAudit(tx, context, {
      action: "community.response_days_updated",
      subjectType: "community",
      subjectId: communityId,
      details: { responseDays },
    });
  });
}
