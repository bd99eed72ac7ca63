import type { FastifyRequest } from "fastify";
import { IdParams } from "../../../contract/common";
import {
  CheckinInput,
  Goal,
  type GoalCreateOptions,
  GoalInput,
  GoalList,
  GoalPatch,
  type GoalSummary,
  GoalsQuery,
  GoalTree,
} from "../../../contract/goals";
import { recordAudit } from "../../audit/record-audit";
import { now, todayIn } from "../../clock";
import { invalid, notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { loadCycleTarget } from "../cycles/cycles.queries";
import { createGoal } from "./create-goal";
import { loadGoalDraft } from "./goal-draft";
import { computeProgress, isStudentMeasure } from "./goal-progress";
import { buildAlignmentTree } from "./goal-tree";
import { presentGoal, presentGoalSummary } from "./goals.present";
import { type GoalRow, goalTarget, listCheckins, listGoalPlaces, listGoals } from "./goals.queries";
import { sortGoals } from "./sort-goals";
import { recordCheckin, updateGoal } from "./update-goal";

/** Aligned goals from the district down to one educator: list, alignment tree, a goal's page, setting, check-ins. */
export async function goalsRoutes(app: App) {
  async function loadGoal(actor: Actor, id: string): Promise<GoalRow> {
    const [goal] = await listGoals(app.db, { id });
    if (!goal) notFound("goal");
    authorize(actor, "goal.read", goalTarget(goal));
    return goal;
  }

  /** The goals with their values now; reading values over students is audit-logged. */
  async function measure(request: FastifyRequest, actor: Actor, goals: GoalRow[], subjectId: string | null) {
    const progress = await computeProgress(app.db, actor, goals, todayIn(actor.timeZone), now());
    const studentGoals = goals.filter(isStudentMeasure);
    if (studentGoals.length > 0) {
      await recordAudit(app.db, request, {
        action: "goal.measures_read",
        subjectType: subjectId ? "goal" : "district",
        subjectId: subjectId ?? actor.districtId,
        details: { goals: studentGoals.length },
      });
    }
    return progress;
  }

  /** A goal set within a cycle: the actor contributes to the cycle, and the goal is a goal of the cycle's team. */
  async function authorizeCycleGoal(
    actor: Actor,
    input: { cycleId: string; level: string; communityId: string | null },
  ) {
    const cycle = (await loadCycleTarget(app.db, input.cycleId)) ?? notFound("cycle");
    authorize(actor, "cycle.contribute", cycle);
    if (input.level !== "team") {
      invalid("A cycle's goal is a team goal.", [{ pointer: "/body/level", detail: "Set a team goal for a cycle." }]);
    }
    if (input.communityId !== cycle.community.id) {
      invalid("A cycle's goal is a goal of the cycle's team.", [
        { pointer: "/body/communityId", detail: "Choose the cycle's team." },
      ]);
    }
  }

  /** Whether the actor may set a goal at each level, and at which schools and teams. */
  async function createOptions(
    actor: Actor,
    places: Awaited<ReturnType<typeof listGoalPlaces>>,
  ): Promise<GoalCreateOptions> {
    const draft = {
      districtId: actor.districtId,
      ownerId: actor.personId,
      ownerSchoolIds: [],
      schoolId: null,
      community: null,
    };
    const schools = places.schools.filter((s) =>
      can(actor, "goal.create", { ...draft, level: "school", schoolId: s.id }),
    );
    const communities = places.communities.filter((c) =>
      can(actor, "goal.create", { ...draft, level: "team", community: { ...c, districtId: actor.districtId } }),
    );
    const levels = [
      ...(can(actor, "goal.create", { ...draft, level: "district" }) ? (["district"] as const) : []),
      ...(schools.length > 0 ? (["school"] as const) : []),
      ...(communities.length > 0 ? (["team"] as const) : []),
      ...(can(actor, "goal.create", { ...draft, level: "individual" }) ? (["individual"] as const) : []),
    ];
    return { levels, schools, communities: communities.map(({ id, name }) => ({ id, name })) };
  }

  async function presentOne(request: FastifyRequest, actor: Actor, goal: GoalRow) {
    const progress = await measure(request, actor, [goal], goal.id);
    const linked = await listGoals(app.db, { ids: goal.servesGoalIds, reader: actor, includeArchived: true });
    const servedBy = (await listGoals(app.db, { reader: actor, includeArchived: false })).filter((g) =>
      g.servesGoalIds.includes(goal.id),
    );
    const checkins = await listCheckins(app.db, goal.id);
    return presentGoal(actor, goal, progress.get(goal.id), { serves: linked, servedBy }, checkins);
  }

  app.get(
    "/goals",
    { config: { policy: "goal.list" }, schema: { querystring: GoalsQuery, response: { 200: GoalList } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "goal.list", { districtId: actor.districtId });
      const { status, sort, includeArchived, ...filters } = request.query;
      const goals = await listGoals(app.db, { ...filters, reader: actor, includeArchived: includeArchived === "true" });
      const progress = await measure(request, actor, goals, null);
      const items: GoalSummary[] = goals
        .map((g) => presentGoalSummary(actor, g, progress.get(g.id)))
        .filter((g) => status === undefined || g.progress.status === status);
      const places = await listGoalPlaces(app.db, actor);
      return {
        items: sortGoals(items, sort),
        create: await createOptions(actor, places),
        schools: places.schools,
        communities: places.communities.map(({ id, name }) => ({ id, name })),
      };
    },
  );

  app.get(
    "/goals/tree",
    { config: { policy: "goal.list" }, schema: { response: { 200: GoalTree } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "goal.list", { districtId: actor.districtId });
      const goals = await listGoals(app.db, { reader: actor });
      const progress = await measure(request, actor, goals, null);
      return buildAlignmentTree(goals.map((g) => presentGoalSummary(actor, g, progress.get(g.id))));
    },
  );

  app.post(
    "/goals",
    { config: { policy: "goal.create" }, schema: { body: GoalInput, response: { 201: Goal } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { cycleId } = request.body;
      if (cycleId) await authorizeCycleGoal(actor, { ...request.body, cycleId });
      authorize(actor, "goal.create", await loadGoalDraft(app.db, actor, request.body));
      const id = await createGoal(app.db, actorContextOf(request), request.body);
      return reply.code(201).send(await presentOne(request, actor, await loadGoal(actor, id)));
    },
  );

  app.get(
    "/goals/:id",
    { config: { policy: "goal.read" }, schema: { params: IdParams, response: { 200: Goal } } },
    async (request) => {
      const actor = requireActor(request);
      return presentOne(request, actor, await loadGoal(actor, request.params.id));
    },
  );

  app.patch(
    "/goals/:id",
    { config: { policy: "goal.update" }, schema: { params: IdParams, body: GoalPatch, response: { 200: Goal } } },
    async (request) => {
      const actor = requireActor(request);
      const goal = (await listGoals(app.db, { id: request.params.id }))[0] ?? notFound("goal");
      authorize(actor, "goal.update", goalTarget(goal));
      await updateGoal(app.db, actorContextOf(request), goal, request.body);
      return presentOne(request, actor, await loadGoal(actor, goal.id));
    },
  );

  app.post(
    "/goals/:id/checkins",
    { config: { policy: "goal.checkIn" }, schema: { params: IdParams, body: CheckinInput, response: { 201: Goal } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const goal = (await listGoals(app.db, { id: request.params.id }))[0] ?? notFound("goal");
      authorize(actor, "goal.checkIn", goalTarget(goal));
      await recordCheckin(app.db, actorContextOf(request), goal, request.body);
      return reply.code(201).send(await presentOne(request, actor, goal));
    },
  );
}
