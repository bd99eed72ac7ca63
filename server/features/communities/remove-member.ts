import { and, eq } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { communityMembers } from "../../db/schema";

type Membership = { communityId: string; personId: string };

/** Takes a member out of a community. */
export async function removeMember(db: Db, context: ActorContext, member: Membership) {
  await db
    .delete(communityMembers)
    .where(and(eq(communityMembers.communityId, member.communityId), eq(communityMembers.personId, member.personId)));
  await recordAudit(db, context, {
    action: "community.member_removed",
    subjectType: "community",
    subjectId: member.communityId,
    details: { personId: member.personId },
  });
}
