import { IdParams, Ok } from "../../../contract/common";
import { EssentialStandard, LearningTargetInput, LearningTargetPatch } from "../../../contract/essentials";
import { conflict, notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import type { App } from "../../types";
import { createLearningTarget } from "./create-learning-target";
import { deleteLearningTarget } from "./delete-learning-target";
import { essentialsAbilities, presentEssentialStandard } from "./essentials.present";
import { requireEssentialStandard, requireLearningTarget } from "./essentials.queries";
import { requireEssentialsCommunity } from "./essentials-access";
import { updateLearningTarget } from "./update-learning-target";

/**
 * The learning targets a team unpacks an essential standard into ("I can …"), in order. Each change answers
 * with the whole essential standard, so the page shows the new order at once.
 */
export async function learningTargetsRoutes(app: App) {
  /** A target that unpacks an essential standard; local targets under a standard live in the standards feature. */
  async function loadTarget(actor: Actor, id: string) {
    const target = await requireLearningTarget(app.db, id);
    if (target.essentialStandardId === null || target.communityId === null) notFound("learning target");
    const community = await requireEssentialsCommunity(app.db, actor, target.communityId, true);
    return { target, essentialStandardId: target.essentialStandardId, community };
  }

  app.post(
    "/essential-standards/:id/targets",
    {
      config: { policy: "target.manage" },
      schema: { params: IdParams, body: LearningTargetInput, response: { 201: EssentialStandard } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const essential = await requireEssentialStandard(app.db, request.params.id);
      const community = await requireEssentialsCommunity(app.db, actor, essential.communityId, true);
      await createLearningTarget(app.db, actorContextOf(request), essential, request.body);
      const row = await requireEssentialStandard(app.db, essential.id);
      return reply.code(201).send(presentEssentialStandard(row, essentialsAbilities(actor, community)));
    },
  );

  app.patch(
    "/learning-targets/:id",
    {
      config: { policy: "target.manage" },
      schema: { params: IdParams, body: LearningTargetPatch, response: { 200: EssentialStandard } },
    },
    async (request) => {
      const actor = requireActor(request);
      const { target, essentialStandardId, community } = await loadTarget(actor, request.params.id);
      await updateLearningTarget(app.db, actorContextOf(request), { id: target.id, essentialStandardId }, request.body);
      const row = await requireEssentialStandard(app.db, essentialStandardId);
      return presentEssentialStandard(row, essentialsAbilities(actor, community));
    },
  );

  app.delete(
    "/learning-targets/:id",
    { config: { policy: "target.manage" }, schema: { params: IdParams, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      const { target, essentialStandardId } = await loadTarget(actor, request.params.id);
      if (target.isAssessed) {
        conflict("An assessment measures this learning target; align its items elsewhere before deleting it.");
      }
      await deleteLearningTarget(app.db, actorContextOf(request), { id: target.id, essentialStandardId });
      return { ok: true as const };
    },
  );
}
