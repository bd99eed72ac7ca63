import { z } from "zod";
import { IdParams } from "../../../contract/common";
import {
  FeedbackInput,
  ShareInput,
  VisitCounts,
  VisitInput,
  VisitList,
  VisitPatch,
  Visit as VisitSchema,
} from "../../../contract/visits";
import { notFound } from "../../errors";
import { actorContextOf, auditContextOf, requireActor } from "../../http/signed-in";
import { isDistrictLeader, schoolsLed } from "../../policy/actor";
import { authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { createVisit } from "./create-visit";
import { giveFeedback } from "./give-feedback";
import { shareFeedback, updateVisit } from "./visit-commands";
import { presentVisit, presentVisitCounts } from "./visits.present";
import { countVisitsBySchool, listVisits, visitTarget } from "./visits.queries";

const FeedbackParams = z.strictObject({ id: z.uuid(), feedbackId: z.uuid() });

/** Classroom visits: peers invited into a classroom around a focus, with non-evaluative feedback. */
export async function visitsRoutes(app: App) {
  async function loadVisit(id: string) {
    const [visit] = await listVisits(app.db, { id });
    return visit ?? notFound("visit");
  }

  app.get("/visits", { config: { policy: "signed-in" }, schema: { response: { 200: VisitList } } }, async (request) => {
    const actor = requireActor(request);
    const visits = await listVisits(app.db, { reader: actor });
    // The query only narrows the list; the read rule decides.
    return { items: visits.filter((v) => can(actor, "visit.read", visitTarget(v))).map((v) => presentVisit(actor, v)) };
  });

  app.post(
    "/visits",
    { config: { policy: "visit.create" }, schema: { body: VisitInput, response: { 201: VisitSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "visit.create", { districtId: actor.districtId });
      const id = await createVisit(app.db, actorContextOf(request), request.body);
      return reply.code(201).send(presentVisit(actor, await loadVisit(id)));
    },
  );

  app.get(
    "/visits/counts",
    { config: { policy: "visit.counts" }, schema: { response: { 200: VisitCounts } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "visit.counts", { districtId: actor.districtId });
      const schoolIds = isDistrictLeader(actor) ? null : [...schoolsLed(actor)];
      return presentVisitCounts(await countVisitsBySchool(app.db, actor.districtId, schoolIds));
    },
  );

  app.get(
    "/visits/:id",
    { config: { policy: "visit.read" }, schema: { params: IdParams, response: { 200: VisitSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const visit = await loadVisit(request.params.id);
      authorize(actor, "visit.read", visitTarget(visit));
      return presentVisit(actor, visit);
    },
  );

  app.patch(
    "/visits/:id",
    {
      config: { policy: "visit.update" },
      schema: { params: IdParams, body: VisitPatch, response: { 200: VisitSchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      const visit = await loadVisit(request.params.id);
      authorize(actor, "visit.update", visitTarget(visit));
      await updateVisit(app.db, auditContextOf(request), visit, request.body);
      return presentVisit(actor, await loadVisit(visit.id));
    },
  );

  app.post(
    "/visits/:id/feedback",
    {
      config: { policy: "visit.giveFeedback" },
      schema: { params: IdParams, body: FeedbackInput, response: { 201: VisitSchema } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const visit = await loadVisit(request.params.id);
      authorize(actor, "visit.giveFeedback", visitTarget(visit));
      await giveFeedback(app.db, actorContextOf(request), visit, request.body);
      return reply.code(201).send(presentVisit(actor, await loadVisit(visit.id)));
    },
  );

  app.put(
    "/visits/:id/feedback/:feedbackId/sharing",
    {
      config: { policy: "visit.update" },
      schema: { params: FeedbackParams, body: ShareInput, response: { 200: VisitSchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      const visit = await loadVisit(request.params.id);
      authorize(actor, "visit.update", visitTarget(visit));
      const { feedbackId } = request.params;
      await shareFeedback(app.db, auditContextOf(request), visit, feedbackId, request.body.isSharedWithTeam);
      return presentVisit(actor, await loadVisit(visit.id));
    },
  );
}
