import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { CommunitySummary, Member, StudentSharingApproval, StudentSharingInput } from "../../../contract/communities";
import { recordAudit } from "../../audit/record-audit";
import { communities, communityMembers } from "../../db/schema";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { presentCommunity } from "./communities.present";
import { listMembers, requireCommunity } from "./communities.queries";

/**
 * Team-based student access and its controls: a member's own choice to share their students with the team,
 * and a leader's approval of sharing in a team whose kind does not share by itself (rules.ts, student-scope.ts).
 */
export async function studentSharingRoutes(app: App) {
  app.put(
    "/communities/:id/student-sharing",
    {
      config: { policy: "community.shareStudents" },
      schema: { params: IdParams, body: StudentSharingInput, response: { 200: z.array(Member) } },
    },
    async (request) => {
      const actor = request.actor as Actor;
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.shareStudents", community);
      await app.db.transaction(async (tx) => {
        // Only the member's own row: nobody can share someone else's students for them.
        await tx
          .update(communityMembers)
          .set({ sharesStudents: request.body.sharesStudents })
          .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.personId, actor.personId)));
        await recordAudit(tx, request, {
          action: request.body.sharesStudents ? "community.students_shared" : "community.students_unshared",
          subjectType: "community",
          subjectId: community.id,
        });
      });
      return listMembers(app.db, community.id);
    },
  );

  app.put(
    "/communities/:id/student-sharing-approval",
    {
      config: { policy: "community.approveStudentSharing" },
      schema: { params: IdParams, body: StudentSharingApproval, response: { 200: CommunitySummary } },
    },
    async (request) => {
      const actor = request.actor as Actor;
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.approveStudentSharing", community);
      const approved = request.body.approved;
      await app.db.transaction(async (tx) => {
        await tx
          .update(communities)
          .set({
            studentSharingApprovedById: approved ? actor.personId : null,
            studentSharingApprovedAt: approved ? sql`now()` : null,
            updatedAt: sql`now()`,
          })
          .where(eq(communities.id, community.id));
        await recordAudit(tx, request, {
          action: approved ? "community.student_sharing_approved" : "community.student_sharing_withdrawn",
          subjectType: "community",
          subjectId: community.id,
        });
      });
      return presentCommunity(actor, await requireCommunity(app.db, community.id));
    },
  );
}
