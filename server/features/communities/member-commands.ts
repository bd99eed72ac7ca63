import { and, eq } from "drizzle-orm";
import type { TeamRole } from "../../../contract/communities";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { communityMembers } from "../../db/schema";
import { conflict, notFound } from "../../errors";

type Membership = { communityId: string; personId: string };

const ofMember = ({ communityId, personId }: Membership) =>
  and(eq(communityMembers.communityId, communityId), eq(communityMembers.personId, personId));

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

/** Gives a member another team role; a 404 problem if they are not a member. */
export async function changeMemberRole(db: Db, context: ActorContext, member: Membership, teamRole: TeamRole) {
  const updated = await db
    .update(communityMembers)
    .set({ teamRole })
    .where(ofMember(member))
    .returning({ id: communityMembers.id });
  if (!updated.length) notFound("member");
  await recordAudit(db, context, {
    action: "community.member_role_changed",
    subjectType: "community",
    subjectId: member.communityId,
    details: { personId: member.personId, teamRole },
  });
}

/** Takes a member out of a community. */
export async function removeMember(db: Db, context: ActorContext, member: Membership) {
  await db.delete(communityMembers).where(ofMember(member));
  await recordAudit(db, context, {
    action: "community.member_removed",
    subjectType: "community",
    subjectId: member.communityId,
    details: { personId: member.personId },
  });
}
