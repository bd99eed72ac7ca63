import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CommunityPatch } from "../../../contract/communities";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { communities, communitySchools } from "../../db/schema";
import type { CommunityRow } from "./communities.queries";

/** Changes a community's fields, archives or restores it, and replaces its schools when they are given. */
export async function updateCommunity(
  db: Db,
  context: ActorContext,
  community: Pick<CommunityRow, "id" | "schoolIds">,
  patch: z.infer<typeof CommunityPatch>,
): Promise<void> {
  const { schoolIds, archived, ...fields } = patch;
  const districtId = context.actor.districtId;
  await db.transaction(async (tx) => {
    const archivedAt = archived === undefined ? {} : { archivedAt: archived ? sql`now()` : null };
    // An approval of student sharing was given for these schools: other schools need it asked again.
    const isNewSchools =
      schoolIds !== undefined && [...new Set(schoolIds)].sort().join() !== [...community.schoolIds].sort().join();
    const approval = isNewSchools ? { studentSharingApprovedById: null, studentSharingApprovedAt: null } : {};
    await tx
      .update(communities)
      .set({ ...fields, ...archivedAt, ...approval, updatedAt: sql`now()` })
      .where(eq(communities.id, community.id));
    if (schoolIds) {
      await tx.delete(communitySchools).where(eq(communitySchools.communityId, community.id));
      await tx
        .insert(communitySchools)
        .values([...new Set(schoolIds)].map((schoolId) => ({ districtId, communityId: community.id, schoolId })));
    }
    await recordAudit(tx, context, {
      action: "community.updated",
      subjectType: "community",
      subjectId: community.id,
      details: {
        fields: Object.keys(patch),
        ...(patch.countsPartlyScoredAsNeed === undefined
          ? {}
          : { countsPartlyScoredAsNeed: patch.countsPartlyScoredAsNeed }),
      },
    });
  });
}
