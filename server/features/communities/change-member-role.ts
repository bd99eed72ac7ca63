import { and, eq } from "drizzle-orm";
import type { TeamRole } from "../../../contract/communities";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { communityMembers } from "../../db/schema";
import { notFound } from "../../errors";

type Membership = { communityId: string; personId: string };

/** Gives a member another team role; a 404 problem if they are not a member. */
export async function changeMemberRole(db: Db, context: ActorContext, member: Membership, teamRole: TeamRole) {
  const updated = await db
    .update(communityMembers)
    .set({ teamRole })
    .where(and(eq(communityMembers.communityId, member.communityId), eq(communityMembers.personId, member.personId)))
    .returning({ id: communityMembers.id });
  if (!updated.length) notFound("member");
  await recordAudit(db, context, {
    action: "community.member_role_changed",
    subjectType: "community",
    subjectId: member.communityId,
    details: { personId: member.personId, teamRole },
  });
}
