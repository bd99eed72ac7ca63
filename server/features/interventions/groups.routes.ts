import { IdParams } from "../../../contract/common";
import {
  EntriesSaved,
  GroupDetail,
  GroupInput,
  GroupList,
  GroupPatch,
  GroupScoresInput,
  GroupSessionsInput,
  MineQuery,
  OwnGroupList,
} from "../../../contract/interventions";
import { recordAudit } from "../../audit/record-audit";
import { actorContextOf, requireActor } from "../../http/signed-in";
import { abilities, authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { loadGroupDetail, loadGroupList, requireGroup } from "./group-detail";
import { groupTarget } from "./interventions.present";
import { listCommunityGroups, listOwnGroups } from "./interventions.queries";
import { recordGroupScores, recordGroupSessions } from "./progress-entries";
import { createGroup } from "./start-plans";
import { updateGroup } from "./update-group";

/** How many students a list of groups counts (a student in two groups counts twice; the audit wants the scale). */
function studentsCounted(items: { memberCount: number }[]): number {
  return items.reduce((sum, item) => sum + item.memberCount, 0);
}

/** Intervention and extension groups: a team's list, one's own, creating, reading, editing, quick entry. */
export async function groupsRoutes(app: App) {
  app.get(
    "/communities/:id/intervention-groups",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: GroupList } } },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.read", community);
      const items = await loadGroupList(app.db, actor, await listCommunityGroups(app.db, actor, community.id));
      // Member and flag counts per group are student-level data, so the read is audited like a group's page.
      await recordAudit(app.db, request, {
        action: "intervention_group.list",
        subjectType: "community",
        subjectId: community.id,
        details: { groups: items.length, students: studentsCounted(items) },
      });
      return { items, can: abilities(actor, ["group.create"], community) };
    },
  );

  app.get(
    "/intervention-groups",
    { config: { policy: "signed-in" }, schema: { querystring: MineQuery, response: { 200: OwnGroupList } } },
    async (request) => {
      const actor = requireActor(request);
      const items = await loadGroupList(app.db, actor, await listOwnGroups(app.db, actor));
      await recordAudit(app.db, request, {
        action: "intervention_group.list_own",
        subjectType: "person",
        subjectId: actor.personId,
        details: { groups: items.length, students: studentsCounted(items) },
      });
      return { items, can: {} };
    },
  );

  app.post(
    "/communities/:id/intervention-groups",
    {
      config: { policy: "group.create" },
      schema: { params: IdParams, body: GroupInput, response: { 201: GroupDetail } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "group.create", community);
      const id = await createGroup(app.db, actorContextOf(request), community.id, request.body);
      return reply.code(201).send(await loadGroupDetail(app.db, actor, id));
    },
  );

  app.get(
    "/intervention-groups/:id",
    { config: { policy: "group.read" }, schema: { params: IdParams, response: { 200: GroupDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireGroup(app.db, actor, request.params.id);
      authorize(actor, "group.read", groupTarget(row));
      const detail = await loadGroupDetail(app.db, actor, row.id);
      await recordAudit(app.db, request, {
        action: "intervention_group.read",
        subjectType: "intervention_group",
        subjectId: row.id,
        details: { students: detail.members.length, studentIds: detail.members.map((m) => m.studentId) },
      });
      return detail;
    },
  );

  app.patch(
    "/intervention-groups/:id",
    {
      config: { policy: "group.update" },
      schema: { params: IdParams, body: GroupPatch, response: { 200: GroupDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireGroup(app.db, actor, request.params.id);
      authorize(actor, "group.update", groupTarget(row));
      await updateGroup(app.db, actorContextOf(request), row, request.body);
      return loadGroupDetail(app.db, actor, row.id);
    },
  );

  // Seeing the group is enough to enter its page; each plan entered is then checked for plan.recordProgress.
  app.post(
    "/intervention-groups/:id/progress",
    {
      config: { policy: "plan.recordProgress" },
      schema: { params: IdParams, body: GroupScoresInput, response: { 200: EntriesSaved } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireGroup(app.db, actor, request.params.id);
      authorize(actor, "group.read", groupTarget(row));
      return recordGroupScores(app.db, actorContextOf(request), row.id, request.body);
    },
  );

  app.post(
    "/intervention-groups/:id/sessions",
    {
      config: { policy: "plan.recordProgress" },
      schema: { params: IdParams, body: GroupSessionsInput, response: { 200: EntriesSaved } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireGroup(app.db, actor, request.params.id);
      authorize(actor, "group.read", groupTarget(row));
      return recordGroupSessions(app.db, actorContextOf(request), row.id, request.body);
    },
  );
}
