import { IdParams } from "../../../contract/common";
import {
  CommunitiesQuery,
  CommunityHome,
  CommunityInput,
  CommunityPage,
  CommunityPatch,
  CommunitySummary,
} from "../../../contract/communities";
import { invalid } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { schoolsInDistrict } from "../schools/schools.queries";
import { presentCommunity } from "./communities.present";
import { listCommunities, requireCommunity } from "./communities.queries";
import { loadCommunityHome } from "./community-home";
import { createCommunity } from "./create-community";
import { membersRoutes } from "./members.routes";
import { updateCommunity } from "./update-community";

/** Learning communities: the district's teams, their members and their home pages. */
export async function communitiesRoutes(app: App) {
  const loadCommunity = (id: string) => requireCommunity(app.db, id);

  async function requireSchoolsInDistrict(districtId: string, schoolIds: string[]) {
    const known = await schoolsInDistrict(app.db, districtId, schoolIds);
    const problems = schoolIds.flatMap((id, i) =>
      known.has(id) ? [] : [{ pointer: `/body/schoolIds/${i}`, detail: "No such school in this district." }],
    );
    if (problems.length) invalid("Some schools are not valid.", problems);
  }

  app.get(
    "/communities",
    {
      config: { policy: "community.list" },
      schema: { querystring: CommunitiesQuery, response: { 200: CommunityPage } },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "community.list", { districtId: actor.districtId });
      const { items, total } = await listCommunities(app.db, actor, request.query);
      return {
        items: items.map((c) => presentCommunity(actor, c)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    "/communities",
    { config: { policy: "community.create" }, schema: { body: CommunityInput, response: { 201: CommunitySummary } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "community.create", { districtId: actor.districtId });
      await requireSchoolsInDistrict(actor.districtId, request.body.schoolIds);
      const id = await createCommunity(app.db, actorContextOf(request), request.body);
      const withMembership = { ...actor, memberships: { ...actor.memberships, [id]: "facilitator" as const } };
      return reply.code(201).send(presentCommunity(withMembership, await loadCommunity(id)));
    },
  );

  app.get(
    "/communities/:id",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: CommunityHome } } },
    async (request) => {
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.read", community);
      return loadCommunityHome(app.db, actor, community);
    },
  );

  app.patch(
    "/communities/:id",
    {
      config: { policy: "community.update" },
      schema: { params: IdParams, body: CommunityPatch, response: { 200: CommunitySummary } },
    },
    async (request) => {
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      if (request.body.schoolIds) await requireSchoolsInDistrict(actor.districtId, request.body.schoolIds);
      await updateCommunity(app.db, actorContextOf(request), community, request.body);
      return presentCommunity(actor, await loadCommunity(community.id));
    },
  );

  await app.register(membersRoutes);
}
