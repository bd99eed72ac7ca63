import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { Member, MemberInput, MemberParams, MemberPatch } from "../../../contract/communities";
import { invalid, notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { findPersonStatus } from "../people/people.queries";
import { addMember } from "./add-member";
import { changeMemberRole } from "./change-member-role";
import { listMembers, requireCommunity } from "./communities.queries";
import { removeMember } from "./remove-member";

function isLastFacilitator(members: Member[], member: Member): boolean {
  return member.teamRole === "facilitator" && members.filter((m) => m.teamRole === "facilitator").length === 1;
}

/** A community's members: added, given another team role, or taken out by those who manage it. */
export async function membersRoutes(app: App) {
  app.post(
    "/communities/:id/members",
    {
      config: { policy: "community.update" },
      schema: { params: IdParams, body: MemberInput, response: { 201: z.array(Member) } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.update", community);
      const person = await findPersonStatus(app.db, actor.districtId, request.body.personId);
      if (!person || person.status === "deactivated") {
        invalid("That person cannot join.", [
          { pointer: "/body/personId", detail: "No active person with this id in the district." },
        ]);
      }
      const member = { communityId: community.id, personId: person.id };
      await addMember(app.db, actorContextOf(request), member, request.body.teamRole);
      return reply.code(201).send(await listMembers(app.db, community.id));
    },
  );

  app.patch(
    "/communities/:id/members/:personId",
    {
      config: { policy: "community.update" },
      schema: { params: MemberParams, body: MemberPatch, response: { 200: z.array(Member) } },
    },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.update", community);
      const members = await listMembers(app.db, community.id);
      const changing = members.find((m) => m.personId === request.params.personId) ?? notFound("member");
      if (isLastFacilitator(members, changing) && request.body.teamRole !== "facilitator") {
        invalid("A community needs a facilitator: make someone else facilitator first.", [
          { pointer: "/body/teamRole", detail: "This is the community's only facilitator." },
        ]);
      }
      const member = { communityId: community.id, personId: request.params.personId };
      await changeMemberRole(app.db, actorContextOf(request), member, request.body.teamRole);
      return listMembers(app.db, community.id);
    },
  );

  app.delete(
    "/communities/:id/members/:personId",
    { config: { policy: "community.update" }, schema: { params: MemberParams, response: { 200: z.array(Member) } } },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.update", community);
      const members = await listMembers(app.db, community.id);
      const leaving = members.find((m) => m.personId === request.params.personId) ?? notFound("member");
      if (isLastFacilitator(members, leaving)) {
        invalid("A community needs a facilitator: make someone else facilitator first.");
      }
      await removeMember(app.db, actorContextOf(request), { communityId: community.id, personId: leaving.personId });
      return listMembers(app.db, community.id);
    },
  );
}
