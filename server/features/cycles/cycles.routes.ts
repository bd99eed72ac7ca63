import { IdParams, Ok } from "../../../contract/common";
import {
  CYCLE_STAGES,
  Cycle,
  CycleInput,
  CycleList,
  CyclePatch,
  CycleProgressPatch,
  CycleRecord,
  CycleRecordQuery,
  CycleResults,
  CycleStageParams,
  CycleStagePatch,
  FollowupInput,
  FollowupParams,
  LearningNeed,
  LearningNeedInput,
  LearningNeedList,
  LearningNeedParams,
} from "../../../contract/cycles";
import { recordAudit } from "../../audit/record-audit";
import { todayIn } from "../../clock";
import { invalid, notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { authorizedCycle } from "./authorized-cycle";
import {
  addFollowup,
  addLearningNeed,
  deleteLearningNeed,
  removeFollowup,
  updateCycle,
  updateLearningNeed,
  updateStage,
} from "./cycle-commands";
import { queryCycleRecord } from "./cycle-record";
import { queryCycleGoals, queryCycleTallies, queryNames } from "./cycle-results.queries";
import { presentCycle, presentCycleResults, presentCycleSummary, presentLearningNeed } from "./cycles.present";
import {
  cycleTargetOf,
  findTeamAssessments,
  isTeamMember,
  listCycleAssessments,
  listCycles,
  listLearningNeeds,
  listStages,
  requireCycle,
} from "./cycles.queries";
import { startCycle } from "./start-cycle";

/** Improvement cycles: starting one from the team's data, its stages, learning needs, evidence, and the record. */
export async function cyclesRoutes(app: App) {
  const today = (actor: Actor) => todayIn(actor.timeZone);

  /** The cycle, checked against `action` (404 when it may not be seen). */
  async function loadCycle(actor: Actor, id: string, action: "cycle.read" | "cycle.contribute" | "cycle.manage") {
    const cycle = await requireCycle(app.db, id, today(actor));
    authorize(actor, action, cycleTargetOf(cycle));
    return cycle;
  }

  /** The cycle's rule target alone, checked against `action`, for routes that need nothing else of it. */
  function authorizeCycle(actor: Actor, id: string, action: "cycle.read" | "cycle.contribute") {
    return authorizedCycle(app.db, actor, id, action);
  }

  async function cycleView(actor: Actor, id: string) {
    const cycle = await requireCycle(app.db, id, today(actor));
    const [stages, assessments] = await Promise.all([listStages(app.db, id), listCycleAssessments(app.db, id)]);
    return presentCycle(actor, cycle, stages, assessments, today(actor));
  }

  app.get("/cycles", { config: { policy: "signed-in" }, schema: { response: { 200: CycleList } } }, async (request) => {
    const actor = requireActor(request);
    const rows = await listCycles(app.db, actor.districtId, null, today(actor));
    const readable = rows.filter((row) => can(actor, "cycle.read", cycleTargetOf(row)));
    return { items: readable.map(presentCycleSummary), can: { create: false } };
  });

  app.get(
    "/cycles/record",
    {
      config: { policy: "cycle.readRecord" },
      schema: { querystring: CycleRecordQuery, response: { 200: CycleRecord } },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "cycle.readRecord", { districtId: actor.districtId });
      return { items: await queryCycleRecord(app.db, actor.districtId, request.query.q) };
    },
  );

  app.get(
    "/communities/:id/cycles",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: CycleList } } },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.read", community);
      const rows = await listCycles(app.db, actor.districtId, [community.id], today(actor));
      const readable = rows.filter((row) => can(actor, "cycle.read", cycleTargetOf(row)));
      return { items: readable.map(presentCycleSummary), can: { create: can(actor, "cycle.create", community) } };
    },
  );

  app.post(
    "/communities/:id/cycles",
    { config: { policy: "cycle.create" }, schema: { params: IdParams, body: CycleInput, response: { 201: Cycle } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "cycle.create", community);
      const team = await findTeamAssessments(app.db, community.id, request.body.baselineAssessmentIds);
      request.body.baselineAssessmentIds.forEach((id, index) => {
        if (!team.has(id)) {
          invalid("A cycle starts from the team's own assessments.", [
            { pointer: `/body/baselineAssessmentIds/${index}`, detail: "Not an assessment of this team." },
          ]);
        }
      });
      const { id } = await startCycle(app.db, actorContextOf(request), community.id, request.body);
      return reply.code(201).send(await cycleView(actor, id));
    },
  );

  app.get(
    "/cycles/:id",
    { config: { policy: "cycle.read" }, schema: { params: IdParams, response: { 200: Cycle } } },
    async (request) => {
      const actor = requireActor(request);
      await loadCycle(actor, request.params.id, "cycle.read");
      return cycleView(actor, request.params.id);
    },
  );

  app.patch(
    "/cycles/:id",
    { config: { policy: "cycle.manage" }, schema: { params: IdParams, body: CyclePatch, response: { 200: Cycle } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await loadCycle(actor, request.params.id, "cycle.manage");
      await updateCycle(app.db, actorContextOf(request), cycle.id, request.body);
      return cycleView(actor, cycle.id);
    },
  );

  app.patch(
    "/cycles/:id/progress",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: IdParams, body: CycleProgressPatch, response: { 200: Cycle } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await loadCycle(actor, request.params.id, "cycle.contribute");
      await updateCycle(app.db, actorContextOf(request), cycle.id, request.body);
      return cycleView(actor, cycle.id);
    },
  );

  app.patch(
    "/cycles/:id/stages/:stage",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: CycleStageParams, body: CycleStagePatch, response: { 200: Cycle } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await loadCycle(actor, request.params.id, "cycle.contribute");
      const { ownerId, startsOn, dueOn } = request.body;
      // Who owns a stage and when it runs is the team leaders' plan; notes and completion are everyone's work.
      if (ownerId !== undefined || startsOn !== undefined || dueOn !== undefined) {
        authorize(actor, "cycle.manage", cycleTargetOf(cycle));
      }
      if (ownerId && !(await isTeamMember(app.db, cycle.communityId, ownerId))) {
        invalid("A stage's owner is a member of the team.", [
          { pointer: "/body/ownerId", detail: "Not on this team." },
        ]);
      }
      await updateStage(app.db, actorContextOf(request), cycle, request.params.stage, request.body, CYCLE_STAGES);
      return cycleView(actor, cycle.id);
    },
  );

  app.post(
    "/cycles/:id/assessments",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: IdParams, body: FollowupInput, response: { 200: Cycle } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await loadCycle(actor, request.params.id, "cycle.contribute");
      const { assessmentId } = request.body;
      if (!(await findTeamAssessments(app.db, cycle.communityId, [assessmentId])).has(assessmentId)) {
        invalid("A follow-up is one of the team's assessments.", [
          { pointer: "/body/assessmentId", detail: "Not an assessment of this team." },
        ]);
      }
      const current = await listCycleAssessments(app.db, cycle.id);
      if (current.some((a) => a.id === assessmentId && a.role === "baseline")) {
        invalid("This assessment is the cycle's baseline.", [
          { pointer: "/body/assessmentId", detail: "Already the baseline." },
        ]);
      }
      await addFollowup(app.db, actorContextOf(request), cycle.id, assessmentId);
      return cycleView(actor, cycle.id);
    },
  );

  app.delete(
    "/cycles/:id/assessments/:assessmentId",
    { config: { policy: "cycle.contribute" }, schema: { params: FollowupParams, response: { 200: Cycle } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await loadCycle(actor, request.params.id, "cycle.contribute");
      await removeFollowup(app.db, actorContextOf(request), cycle.id, request.params.assessmentId);
      return cycleView(actor, cycle.id);
    },
  );

  // Student-level figures (counts of students per level and gains by class and teacher), over the students the
  // reader may see: audited as the team's analysis is.
  app.get(
    "/cycles/:id/results",
    { config: { policy: "cycle.read" }, schema: { params: IdParams, response: { 200: CycleResults } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizeCycle(actor, request.params.id, "cycle.read");
      const [tallies, goals] = await Promise.all([
        queryCycleTallies(app.db, actor, cycle.id),
        queryCycleGoals(app.db, cycle.id),
      ]);
      const idsOf = (kind: "class" | "teacher") => tallies.flatMap((t) => (t.kind === kind && t.key ? [t.key] : []));
      const names = await queryNames(app.db, idsOf("class"), idsOf("teacher"));
      const results = presentCycleResults(tallies, names, goals);
      await recordAudit(app.db, request, {
        action: "cycle.results_read",
        subjectType: "cycle",
        subjectId: cycle.id,
        details: { students: results.students },
      });
      return results;
    },
  );

  app.get(
    "/cycles/:id/learning-needs",
    { config: { policy: "cycle.read" }, schema: { params: IdParams, response: { 200: LearningNeedList } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizeCycle(actor, request.params.id, "cycle.read");
      return { items: (await listLearningNeeds(app.db, cycle.id)).map(presentLearningNeed) };
    },
  );

  app.post(
    "/cycles/:id/learning-needs",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: IdParams, body: LearningNeedInput, response: { 201: LearningNeed } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const cycle = await authorizeCycle(actor, request.params.id, "cycle.contribute");
      const id = await addLearningNeed(app.db, actorContextOf(request), cycle.id, request.body.need);
      const [row] = await listLearningNeeds(app.db, cycle.id, id);
      return reply.code(201).send(presentLearningNeed(row ?? notFound("learning need")));
    },
  );

  app.patch(
    "/cycles/:id/learning-needs/:needId",
    {
      config: { policy: "cycle.contribute" },
      schema: { params: LearningNeedParams, body: LearningNeedInput, response: { 200: LearningNeed } },
    },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizeCycle(actor, request.params.id, "cycle.contribute");
      await updateLearningNeed(app.db, cycle.id, request.params.needId, request.body.need);
      const [row] = await listLearningNeeds(app.db, cycle.id, request.params.needId);
      return presentLearningNeed(row ?? notFound("learning need"));
    },
  );

  app.delete(
    "/cycles/:id/learning-needs/:needId",
    { config: { policy: "cycle.contribute" }, schema: { params: LearningNeedParams, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      const cycle = await authorizeCycle(actor, request.params.id, "cycle.contribute");
      await deleteLearningNeed(app.db, cycle.id, request.params.needId);
      return { ok: true as const };
    },
  );
}
