import { and, eq, sql } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { communities, communityMembers } from "../../db/schema";

/** A member's own choice to share their students with the team: only their row, never someone else's. */
export async function setMemberSharing(
  db: Db,
  context: ActorContext,
  communityId: string,
  sharesStudents: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(communityMembers)
      .set({ sharesStudents })
      .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.personId, context.actor.personId)));
    await recordAudit(tx, context, {
      action: sharesStudents ? "community.students_shared" : "community.students_unshared",
      subjectType: "community",
      subjectId: communityId,
    });
  });
}

/** A leader's approval (or its withdrawal) of sharing students in a team whose kind does not share by itself. */
export async function setSharingApproval(
  db: Db,
  context: ActorContext,
  communityId: string,
  approved: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(communities)
      .set({
        studentSharingApprovedById: approved ? context.actor.personId : null,
        studentSharingApprovedAt: approved ? sql`now()` : null,
        updatedAt: sql`now()`,
      })
      .where(eq(communities.id, communityId));
    await recordAudit(tx, context, {
      action: approved ? "community.student_sharing_approved" : "community.student_sharing_withdrawn",
      subjectType: "community",
      subjectId: communityId,
    });
  });
}
