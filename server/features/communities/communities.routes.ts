import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import {
  CommunitiesQuery,
  CommunityHome,
  CommunityInput,
  CommunityPage,
  CommunityPatch,
  CommunitySummary,
  Member,
  MemberInput,
  MemberParams,
  MemberPatch,
} from "../../../contract/communities";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { communities, communityMembers, communitySchools, people, schools } from "../../db/schema";
import { conflict, invalid, notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { presentCommunity } from "./communities.present";
import { listCommunities, listMembers, requireCommunity } from "./communities.queries";
import { loadCommunityHome } from "./community-home";

async function requireSchoolsInDistrict(db: Db, districtId: string, schoolIds: string[]) {
  const found = await db
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.districtId, districtId), inArray(schools.id, schoolIds)));
  const known = new Set(found.map((s) => s.id));
  const problems = schoolIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ pointer: `/body/schoolIds/${i}`, detail: "No such school in this district." }],
  );
  if (problems.length) invalid("Some schools are not valid.", problems);
}

function isLastFacilitator(members: Member[], member: Member): boolean {
  return member.teamRole === "facilitator" && members.filter((m) => m.teamRole === "facilitator").length === 1;
}

/** Learning communities: the district's teams, their members and their home pages. */
export async function communitiesRoutes(app: App) {
  const loadCommunity = (id: string) => requireCommunity(app.db, id);

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
      const { schoolIds, ...fields } = request.body;
      await requireSchoolsInDistrict(app.db, actor.districtId, schoolIds);
      const id = await app.db.transaction(async (tx) => {
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
        await recordAudit(tx, request, { action: "community.created", subjectType: "community", subjectId: row.id });
        return row.id;
      });
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
      const { schoolIds, archived, ...fields } = request.body;
      if (schoolIds) await requireSchoolsInDistrict(app.db, actor.districtId, schoolIds);
      await app.db.transaction(async (tx) => {
        const archivedAt = archived === undefined ? {} : { archivedAt: archived ? sql`now()` : null };
        // An approval of student sharing was given for these schools: other schools need it asked again.
        const isNewSchools =
          schoolIds !== undefined && [...new Set(schoolIds)].sort().join() !== [...community.schoolIds].sort().join();
        const approval = isNewSchools ? { studentSharingApprovedById: null, studentSharingApprovedAt: null } : {};
        await tx
          .update(communities)
          .set({ ...fields, ...archivedAt, ...approval, updatedAt: sql`now()` })
          .where(eq(communities.id, community.id));
        if (schoolIds) {
          await tx.delete(communitySchools).where(eq(communitySchools.communityId, community.id));
          await tx.insert(communitySchools).values(
            [...new Set(schoolIds)].map((schoolId) => ({
              districtId: actor.districtId,
              communityId: community.id,
              schoolId,
            })),
          );
        }
        await recordAudit(tx, request, {
          action: "community.updated",
          subjectType: "community",
          subjectId: community.id,
          details: { fields: Object.keys(request.body) },
        });
      });
      return presentCommunity(actor, await loadCommunity(community.id));
    },
  );

  app.post(
    "/communities/:id/members",
    {
      config: { policy: "community.update" },
      schema: { params: IdParams, body: MemberInput, response: { 201: z.array(Member) } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      const [person] = await app.db
        .select({ id: people.id, status: people.status })
        .from(people)
        .where(and(eq(people.id, request.body.personId), eq(people.districtId, actor.districtId)));
      if (!person || person.status === "deactivated") {
        invalid("That person cannot join.", [
          { pointer: "/body/personId", detail: "No active person with this id in the district." },
        ]);
      }
      const inserted = await app.db
        .insert(communityMembers)
        .values({
          districtId: actor.districtId,
          communityId: community.id,
          personId: person.id,
          teamRole: request.body.teamRole,
        })
        .onConflictDoNothing()
        .returning({ id: communityMembers.id });
      if (!inserted.length)
        conflict("This person is already a member.", [{ pointer: "/body/personId", detail: "Already a member." }]);
      await recordAudit(app.db, request, {
        action: "community.member_added",
        subjectType: "community",
        subjectId: community.id,
        details: { personId: person.id, teamRole: request.body.teamRole },
      });
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
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      const members = await listMembers(app.db, community.id);
      const changing = members.find((m) => m.personId === request.params.personId) ?? notFound("member");
      if (isLastFacilitator(members, changing) && request.body.teamRole !== "facilitator") {
        invalid("A community needs a facilitator: make someone else facilitator first.", [
          { pointer: "/body/teamRole", detail: "This is the community's only facilitator." },
        ]);
      }
      const updated = await app.db
        .update(communityMembers)
        .set({ teamRole: request.body.teamRole })
        .where(
          and(eq(communityMembers.communityId, community.id), eq(communityMembers.personId, request.params.personId)),
        )
        .returning({ id: communityMembers.id });
      if (!updated.length) notFound("member");
      await recordAudit(app.db, request, {
        action: "community.member_role_changed",
        subjectType: "community",
        subjectId: community.id,
        details: { personId: request.params.personId, teamRole: request.body.teamRole },
      });
      return listMembers(app.db, community.id);
    },
  );

  app.delete(
    "/communities/:id/members/:personId",
    { config: { policy: "community.update" }, schema: { params: MemberParams, response: { 200: z.array(Member) } } },
    async (request) => {
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      authorize(actor, "community.update", community);
      const members = await listMembers(app.db, community.id);
      const leaving = members.find((m) => m.personId === request.params.personId) ?? notFound("member");
      if (isLastFacilitator(members, leaving)) {
        invalid("A community needs a facilitator: make someone else facilitator first.");
      }
      await app.db
        .delete(communityMembers)
        .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.personId, leaving.personId)));
      await recordAudit(app.db, request, {
        action: "community.member_removed",
        subjectType: "community",
        subjectId: community.id,
        details: { personId: leaving.personId },
      });
      return listMembers(app.db, community.id);
    },
  );
}
