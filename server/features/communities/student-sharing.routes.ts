import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { CommunitySummary, Member, StudentSharingApproval, StudentSharingInput } from "../../../contract/communities";
import { actorContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { presentCommunity } from "./communities.present";
import { listMembers, requireCommunity } from "./communities.queries";
import { setMemberSharing, setSharingApproval } from "./share-students";

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
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.shareStudents", community);
      await setMemberSharing(app.db, actorContextOf(request), community.id, request.body.sharesStudents);
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
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.approveStudentSharing", community);
      await setSharingApproval(app.db, actorContextOf(request), community.id, request.body.approved);
      return presentCommunity(actor, await requireCommunity(app.db, community.id));
    },
  );
}
