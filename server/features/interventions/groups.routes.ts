import { sql } from "drizzle-orm";
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
} from "../../../contract/interventions";
import { recordAudit } from "../../audit/record-audit";
import { interventionGroups, interventionPlans } from "../../db/schema";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { abilities, authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { dateProblems, referenceProblems, refuseIfAny, studentsOf, studentsOfGroup } from "./check-plan-input";
import { groupEntryPlans } from "./group-entries";
import { studentProblems } from "./group-students";
import { groupTarget, presentGroupDetail, presentGroupListItem } from "./interventions.present";
import {
  findGroup,
  type GroupRow,
  listCommunityGroups,
  listGroupPlans,
  listOwnGroups,
  loadScores,
  loadSessions,
} from "./interventions.queries";
import { findPlanTarget } from "./plan-target";
import { writeScores, writeSessions } from "./record-progress";
import { createGroup } from "./start-plans";

/** How many students a list of groups counts (a student in two groups counts twice; the audit wants the scale). */
function studentsCounted(items: { memberCount: number }[]): number {
  return items.reduce((sum, item) => sum + item.memberCount, 0);
}

/** Intervention and extension groups: a team's list, one's own, creating, reading, editing, quick entry. */
export async function groupsRoutes(app: App) {
  async function presentList(actor: Actor, rows: GroupRow[]) {
    const readable = rows.filter((row) => can(actor, "group.read", groupTarget(row)));
    const plans = await listGroupPlans(
      app.db,
      actor,
      readable.map((row) => row.id),
      { activeOnly: true },
    );
    const scores = await loadScores(
      app.db,
      plans.map((p) => p.id),
    );
    return readable.map((row) => presentGroupListItem(row, plans, scores));
  }

  async function requireGroup(actor: Actor, id: string) {
    return (await findGroup(app.db, actor, id)) ?? notFound("intervention group");
  }

  app.get(
    "/communities/:id/intervention-groups",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: GroupList } } },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.read", community);
      const items = await presentList(actor, await listCommunityGroups(app.db, actor, community.id));
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
    { config: { policy: "signed-in" }, schema: { querystring: MineQuery, response: { 200: GroupList } } },
    async (request) => {
      const actor = requireActor(request);
      const items = await presentList(actor, await listOwnGroups(app.db, actor));
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
      const body = request.body;
      const { plans, problems } = await studentProblems(app.db, actor, body);
      refuseIfAny([
        ...dateProblems(body),
        ...problems,
        ...(await referenceProblems(app.db, actor, body, studentsOf(body.students.map((x) => x.studentId)))),
      ]);
      const id = await createGroup(app.db, request, actor, community.id, body, plans);
      return reply.code(201).send(await loadGroupDetail(actor, id));
    },
  );

  async function loadGroupDetail(actor: Actor, id: string) {
    const row = await requireGroup(actor, id);
    const plans = await listGroupPlans(app.db, actor, [row.id]);
    const ids = plans.map((p) => p.id);
    const [scores, sessions] = [await loadScores(app.db, ids), await loadSessions(app.db, ids)];
    const recordable = new Set<string>();
    for (const plan of plans) {
      const target = await findPlanTarget(app.db, plan.id);
      if (target && can(actor, "plan.recordProgress", target)) recordable.add(plan.id);
    }
    return presentGroupDetail(actor, row, plans, scores, sessions, recordable);
  }

  app.get(
    "/intervention-groups/:id",
    { config: { policy: "group.read" }, schema: { params: IdParams, response: { 200: GroupDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireGroup(actor, request.params.id);
      authorize(actor, "group.read", groupTarget(row));
      const detail = await loadGroupDetail(actor, row.id);
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
      const row = await requireGroup(actor, request.params.id);
      authorize(actor, "group.update", groupTarget(row));
      const { closedAt, ...fields } = request.body;
      refuseIfAny([
        ...dateProblems({
          startDate: row.start_date,
          reviewDate: fields.reviewDate ?? row.review_date,
          goalDate: fields.goalDate ?? row.goal_date,
        }),
        ...(await referenceProblems(app.db, actor, fields, studentsOfGroup(row.id))),
      ]);
      // The group is the shared delivery: who, how, how often follow to its active plans.
      const delivery = {
        strategyResourceId: fields.strategyResourceId,
        strategy: fields.strategy,
        deliveredById: fields.deliveredById,
        minutesPerSession: fields.minutesPerSession,
        daysPerWeek: fields.daysPerWeek,
        schedule: fields.schedule,
      };
      const planChanges = Object.fromEntries(Object.entries(delivery).filter(([, v]) => v !== undefined));
      await app.db.transaction(async (tx) => {
        await tx
          .update(interventionGroups)
          .set({
            ...fields,
            ...(closedAt !== undefined ? { closedAt: closedAt === null ? null : new Date(closedAt) } : {}),
            updatedAt: sql`now()`,
          })
          .where(sql`${interventionGroups.id} = ${row.id}`);
        if (Object.keys(planChanges).length) {
          await tx
            .update(interventionPlans)
            .set({ ...planChanges, updatedAt: sql`now()` })
            .where(sql`${interventionPlans.groupId} = ${row.id} and ${interventionPlans.status} = 'active'`);
        }
        await recordAudit(tx, request, {
          action: "intervention_group.updated",
          subjectType: "intervention_group",
          subjectId: row.id,
          details: { fields: Object.keys(request.body) },
        });
      });
      return loadGroupDetail(actor, row.id);
    },
  );

  app.post(
    "/intervention-groups/:id/progress",
    {
      config: { policy: "plan.recordProgress" },
      schema: { params: IdParams, body: GroupScoresInput, response: { 200: EntriesSaved } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireGroup(actor, request.params.id);
      authorize(actor, "group.read", groupTarget(row));
      const { measuredOn, scores } = request.body;
      await groupEntryPlans(app.db, actor, row.id, scores, "scores", measuredOn);
      return app.db.transaction(async (tx) => {
        const counts = await writeScores(
          tx,
          actor,
          scores.map((s) => ({ ...s, measuredOn })),
        );
        await recordAudit(tx, request, {
          action: "intervention_group.progress_recorded",
          subjectType: "intervention_group",
          subjectId: row.id,
          details: { measuredOn, students: scores.length, ...counts },
        });
        return counts;
      });
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
      const row = await requireGroup(actor, request.params.id);
      authorize(actor, "group.read", groupTarget(row));
      const { sessionOn, attendance } = request.body;
      await groupEntryPlans(app.db, actor, row.id, attendance, "attendance", sessionOn);
      return app.db.transaction(async (tx) => {
        const counts = await writeSessions(
          tx,
          actor,
          attendance.map((a) => ({ ...a, sessionOn })),
        );
        await recordAudit(tx, request, {
          action: "intervention_group.sessions_recorded",
          subjectType: "intervention_group",
          subjectId: row.id,
          details: { sessionOn, students: attendance.length, ...counts },
        });
        return counts;
      });
    },
  );
}
