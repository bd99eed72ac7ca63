import { IdParams, Ok } from "../../../contract/common";
import { LearningTarget, LearningTargetInput, LearningTargetPatch } from "../../../contract/standards";
import { notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { findCommunity } from "../communities/communities.queries";
import { createLocalTarget } from "./create-local-target";
import { deleteLocalTarget } from "./delete-local-target";
import { presentTarget } from "./standards.present";
import { findStandard } from "./standards.queries";
import { findTarget, nextTargetPosition, targetOf } from "./targets.queries";
import { updateLocalTarget } from "./update-local-target";

/**
 * A team's own learning targets under a standard ("I can …"). Targets that unpack an essential standard are
 * that standard's business and are not changed here.
 */
export async function targetsRoutes(app: App) {
  async function loadLocalTarget(actor: Actor, id: string) {
    const target = await findTarget(app.db, id);
    if (!target || target.essentialStandardId !== null || target.communityId === null) notFound("learning target");
    authorize(actor, "target.manage", targetOf(target));
    return target;
  }

  async function presentSaved(actor: Actor, id: string) {
    return presentTarget(actor, (await findTarget(app.db, id)) ?? notFound("learning target"));
  }

  app.post(
    "/standards/:id/targets",
    {
      config: { policy: "target.manage" },
      schema: { params: IdParams, body: LearningTargetInput, response: { 201: LearningTarget } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const standard = (await findStandard(app.db, request.params.id)) ?? notFound("standard");
      authorize(actor, "standard.read", standard);
      const community = await findCommunity(app.db, request.body.communityId);
      if (!community || !can(actor, "community.read", community)) notFound("community");
      authorize(actor, "target.manage", { districtId: standard.districtId, community });
      const position = await nextTargetPosition(app.db, standard.id, community.id);
      const input = { ...request.body, communityId: community.id };
      const id = await createLocalTarget(app.db, actorContextOf(request), standard, input, position);
      return reply.code(201).send(await presentSaved(actor, id));
    },
  );

  app.patch(
    "/standards/targets/:id",
    {
      config: { policy: "target.manage" },
      schema: { params: IdParams, body: LearningTargetPatch, response: { 200: LearningTarget } },
    },
    async (request) => {
      const actor = requireActor(request);
      const target = await loadLocalTarget(actor, request.params.id);
      await updateLocalTarget(app.db, actorContextOf(request), target, request.body);
      return presentSaved(actor, target.id);
    },
  );

  app.delete(
    "/standards/targets/:id",
    { config: { policy: "target.manage" }, schema: { params: IdParams, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      const target = await loadLocalTarget(actor, request.params.id);
      await deleteLocalTarget(app.db, actorContextOf(request), target);
      return { ok: true as const };
    },
  );
}
