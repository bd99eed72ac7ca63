import { IdParams } from "../../../contract/common";
import {
  DecisionInput,
  NotYetResponded,
  NotYetRespondedQuery,
  PlanDecision,
  PlanDecisionList,
  ResponseDays,
  ResponseDaysInput,
  ReviewList,
  ReviewQuery,
} from "../../../contract/student-review";
import { recordAudit } from "../../audit/record-audit";
import { todayIn } from "../../clock";
import { notFound } from "../../errors";
import { actorContextOf, auditContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { requirePlanTarget } from "../interventions/plan-target";
import { findResponseDays, listNotYetResponded } from "./not-yet-responded.queries";
import { listPlanDecisions } from "./plan-decisions.queries";
import { recordDecision } from "./record-decision";
import { listReviewItems } from "./review.queries";
import { setResponseDays } from "./set-response-days";

/** Team student review: the review list, decisions on plans (the tier history), and "not yet responded to". */
export async function studentReviewRoutes(app: App) {
  app.get(
    "/communities/:id/review",
    {
      config: { policy: "team.reviewStudents" },
      schema: { params: IdParams, querystring: ReviewQuery, response: { 200: ReviewList } },
    },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "team.reviewStudents", community);
      const asOf = request.query.asOf ?? todayIn(actor.timeZone);
      const { items, total, counts } = await listReviewItems(app.db, actor, community.id, {
        asOf,
        all: request.query.all === "true",
        limit: request.query.limit,
      });
      await recordAudit(app.db, request, {
        action: "team.review_read",
        subjectType: "community",
        subjectId: community.id,
        details: { students: new Set(items.map((item) => item.student.id)).size, plans: items.length },
      });
      return { asOf, total, counts, items };
    },
  );

  app.get(
    "/communities/:id/not-yet-responded",
    {
      config: { policy: "team.reviewStudents" },
      schema: { params: IdParams, querystring: NotYetRespondedQuery, response: { 200: NotYetResponded } },
    },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "team.reviewStudents", community);
      const responseDays = await findResponseDays(app.db, community.id);
      const asOf = request.query.asOf ?? todayIn(actor.timeZone);
      const items = await listNotYetResponded(app.db, actor, community.id, { asOf, responseDays });
      await recordAudit(app.db, request, {
        action: "team.not_yet_responded_read",
        subjectType: "community",
        subjectId: community.id,
        details: { students: new Set(items.map((item) => item.student.id)).size },
      });
      return { asOf, responseDays, items };
    },
  );

  app.patch(
    "/communities/:id/response-days",
    {
      config: { policy: "community.update" },
      schema: { params: IdParams, body: ResponseDaysInput, response: { 200: ResponseDays } },
    },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.update", community);
      await setResponseDays(app.db, auditContextOf(request), community.id, request.body.responseDays);
      return { responseDays: request.body.responseDays };
    },
  );

  app.post(
    "/plans/:id/decisions",
    {
      config: { policy: "plan.decide" },
      schema: { params: IdParams, body: DecisionInput, response: { 201: PlanDecision } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await requirePlanTarget(app.db, request.params.id);
      authorize(actor, "plan.decide", plan);
      const id = await recordDecision(app.db, actorContextOf(request), plan, request.body);
      const decisions = await listPlanDecisions(app.db, [plan.id]);
      return reply.status(201).send(decisions.find((d) => d.id === id) ?? notFound("decision"));
    },
  );

  app.get(
    "/plans/:id/decisions",
    { config: { policy: "plan.read" }, schema: { params: IdParams, response: { 200: PlanDecisionList } } },
    async (request) => {
      const actor = requireActor(request);
      const plan = await requirePlanTarget(app.db, request.params.id);
      authorize(actor, "plan.read", plan);
      const items = await listPlanDecisions(app.db, [plan.id]);
      await recordAudit(app.db, request, {
        action: "plan.decisions_read",
        subjectType: "intervention_plan",
        subjectId: plan.id,
        details: { studentId: plan.student.id, students: 1 },
      });
      return { items };
    },
  );
}
