import type { z } from "zod";
import type { CommunityInput } from "../../../contract/communities";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { communities, communityMembers, communitySchools } from "../../db/schema";

/** Starts a community at its schools, with whoever starts it as its facilitator; returns its id. */
export async function createCommunity(
  db: Db,
  context: ActorContext,
  input: z.infer<typeof CommunityInput>,
): Promise<string> {
  const { actor } = context;
  const { schoolIds, ...fields } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(communities)
      .values({ ...fields, districtId: actor.districtId, createdById: actor.personId })
      .returning({ id: communities.id });
    if (!row) throw new Error("community insert returned nothing");
    await tx.insert(communitySchools).values(
      [...new Set(schoolIds)].map((schoolId) => ({
        districtId: actor.districtId,
        communityId: row.id,
        schoolId,
      })),
    );
    // Whoever starts a community facilitates it until they hand that role on.
    await tx.insert(communityMembers).values({
      districtId: actor.districtId,
      communityId: row.id,
      personId: actor.personId,
      teamRole: "facilitator",
    });
    await recordAudit(tx, context, { action: "community.created", subjectType: "community", subjectId: row.id });
    return row.id;
  });
}
