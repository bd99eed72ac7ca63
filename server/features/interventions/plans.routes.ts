import { IdParams } from "../../../contract/common";
import {
  EntriesSaved,
  PlanDetail,
  PlanInput,
  PlanPatch,
  ScoreEntry,
  SessionEntry,
  StudentPlans,
} from "../../../contract/interventions";
import { recordAudit } from "../../audit/record-audit";
import { invalid, notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { PlanTarget } from "../../policy/rules";
import { loadStudentTarget } from "../../policy/student-scope";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { presentPlanDetail, presentPlanSummary } from "./interventions.present";
import { findPlan, listDecisions, listStudentPlans, loadScores, loadSessions } from "./interventions.queries";
import { requirePlanTarget } from "./plan-target";
import { recordPlanScore, recordPlanSession } from "./progress-entries";
import { createPlan } from "./start-plans";
import { updatePlan } from "./update-plan";

/** A student's plans (history and a single plan), a plan's page, its edits and its progress entries. */
export async function plansRoutes(app: App) {
  async function loadPlanDetail(actor: Actor, target: PlanTarget) {
    const plan = (await findPlan(app.db, actor, target.id)) ?? notFound("intervention plan");
    const [scores, sessions, decisions] = [
      await loadScores(app.db, [plan.id]),
      await loadSessions(app.db, [plan.id]),
      await listDecisions(app.db, plan.id),
    ];
    return presentPlanDetail(actor, plan, target, scores, sessions, decisions);
  }

  app.get(
    "/students/:id/plans",
    { config: { policy: "student.readPlans" }, schema: { params: IdParams, response: { 200: StudentPlans } } },
    async (request) => {
      const actor = requireActor(request);
      const student = (await loadStudentTarget(app.db, request.params.id)) ?? notFound("student");
      authorize(actor, "student.readPlans", student);
      const plans = await listStudentPlans(app.db, actor, student.id);
      const scores = await loadScores(
        app.db,
        plans.map((p) => p.id),
      );
      await recordAudit(app.db, request, {
        action: "student.plans_read",
        subjectType: "student",
        subjectId: student.id,
        details: { plans: plans.length },
      });
      return { items: plans.map((plan) => presentPlanSummary(plan, scores)) };
    },
  );

  app.post(
    "/students/:id/plans",
    {
      config: { policy: "plan.create" },
      schema: { params: IdParams, body: PlanInput, response: { 201: PlanDetail } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const student = (await loadStudentTarget(app.db, request.params.id)) ?? notFound("student");
      authorize(actor, "student.read", student);
      const community = await requireCommunity(app.db, request.body.communityId);
      authorize(actor, "community.read", community);
      authorize(actor, "plan.create", { districtId: actor.districtId, community, student });
      const id = await createPlan(app.db, actorContextOf(request), student.id, request.body);
      return reply.code(201).send(await loadPlanDetail(actor, await requirePlanTarget(app.db, id)));
    },
  );

  app.get(
    "/plans/:id",
    { config: { policy: "plan.read" }, schema: { params: IdParams, response: { 200: PlanDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const target = await requirePlanTarget(app.db, request.params.id);
      authorize(actor, "plan.read", target);
      const detail = await loadPlanDetail(actor, target);
      await recordAudit(app.db, request, {
        action: "intervention_plan.read",
        subjectType: "student",
        subjectId: target.student.id,
        details: { planId: target.id },
      });
      return detail;
    },
  );

  app.patch(
    "/plans/:id",
    { config: { policy: "plan.update" }, schema: { params: IdParams, body: PlanPatch, response: { 200: PlanDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const target = await requirePlanTarget(app.db, request.params.id);
      authorize(actor, "plan.update", target);
      const plan = (await findPlan(app.db, actor, target.id)) ?? notFound("intervention plan");
      await updatePlan(app.db, actorContextOf(request), target, plan, request.body);
      return loadPlanDetail(actor, target);
    },
  );

  /** Single entries check the plan is open and the day is not before its start. */
  async function requireOpenPlan(actor: Actor, id: string, day: string, pointer: string) {
    const target = await requirePlanTarget(app.db, id);
    authorize(actor, "plan.recordProgress", target);
    const plan = (await findPlan(app.db, actor, target.id)) ?? notFound("intervention plan");
    if (plan.status !== "active") invalid("The plan is closed.");
    if (day < plan.start_date)
      invalid("Some fields need another look.", [{ pointer, detail: `The plan started on ${plan.start_date}.` }]);
    return target;
  }

  app.post(
    "/plans/:id/progress",
    {
      config: { policy: "plan.recordProgress" },
      schema: { params: IdParams, body: ScoreEntry, response: { 200: EntriesSaved } },
    },
    async (request) => {
      const actor = requireActor(request);
      const target = await requireOpenPlan(actor, request.params.id, request.body.measuredOn, "/body/measuredOn");
      return recordPlanScore(app.db, actorContextOf(request), target, request.body);
    },
  );

  app.post(
    "/plans/:id/sessions",
    {
      config: { policy: "plan.recordProgress" },
      schema: { params: IdParams, body: SessionEntry, response: { 200: EntriesSaved } },
    },
    async (request) => {
      const actor = requireActor(request);
      const target = await requireOpenPlan(actor, request.params.id, request.body.sessionOn, "/body/sessionOn");
      return recordPlanSession(app.db, actorContextOf(request), target, request.body);
    },
  );
}
