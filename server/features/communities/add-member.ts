import type { TeamRole } from "../../../contract/communities";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { communityMembers } from "../../db/schema";
import { conflict } from "../../errors";

type Membership = { communityId: string; personId: string };

/** Adds a person to a community in a team role; a 409 problem if they already belong. */
export async function addMember(db: Db, context: ActorContext, member: Membership, teamRole: TeamRole) {
  const inserted = await db
    .insert(communityMembers)
    .values({ districtId: context.actor.districtId, ...member, teamRole })
    .onConflictDoNothing()
    .returning({ id: communityMembers.id });
  if (!inserted.length)
    conflict("This person is already a member.", [{ pointer: "/body/personId", detail: "Already a member." }]);
  await recordAudit(db, context, {
    action: "community.member_added",
    subjectType: "community",
    subjectId: member.communityId,
    details: { personId: member.personId, teamRole },
  });
}
