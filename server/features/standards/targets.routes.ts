import { eq, sql } from "drizzle-orm";
import { IdParams, Ok } from "../../../contract/common";
import { LearningTarget, LearningTargetInput, LearningTargetPatch } from "../../../contract/standards";
import { recordAudit } from "../../audit/record-audit";
import { learningTargets } from "../../db/schema";
import { conflict, notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { findCommunity } from "../communities/communities.queries";
import { presentTarget } from "./standards.present";
import { findStandard, isStillReferenced } from "./standards.queries";
import { findTarget, nextTargetPosition, targetOf } from "./targets.queries";

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
      const id = await app.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(learningTargets)
          .values({
            districtId: standard.districtId,
            standardId: standard.id,
            communityId: community.id,
            code: request.body.code || null,
            statement: request.body.statement,
            position,
            createdById: actor.personId,
          })
          .returning({ id: learningTargets.id });
        if (!created) throw new Error("learning target insert returned nothing");
        await recordAudit(tx, request, {
          action: "learning_target.created",
          subjectType: "learning_target",
          subjectId: created.id,
          details: { standardId: standard.id, communityId: community.id, statement: request.body.statement },
        });
        return created.id;
      });
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
      const patch = request.body;
      await app.db.transaction(async (tx) => {
        await tx
          .update(learningTargets)
          .set({
            ...(patch.statement !== undefined ? { statement: patch.statement } : {}),
            ...(patch.code !== undefined ? { code: patch.code || null } : {}),
            ...(patch.position !== undefined ? { position: patch.position } : {}),
            updatedAt: sql`now()`,
          })
          .where(eq(learningTargets.id, target.id));
        await recordAudit(tx, request, {
          action: "learning_target.updated",
          subjectType: "learning_target",
          subjectId: target.id,
          details: { fields: Object.keys(patch), before: { statement: target.statement, code: target.code } },
        });
      });
      return presentSaved(actor, target.id);
    },
  );

  app.delete(
    "/standards/targets/:id",
    { config: { policy: "target.manage" }, schema: { params: IdParams, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      const target = await loadLocalTarget(actor, request.params.id);
      try {
        await app.db.transaction(async (tx) => {
          await tx.delete(learningTargets).where(eq(learningTargets.id, target.id));
          await recordAudit(tx, request, {
            action: "learning_target.deleted",
            subjectType: "learning_target",
            subjectId: target.id,
            details: { standardId: target.standardId, communityId: target.communityId, statement: target.statement },
          });
        });
      } catch (error) {
        if (isStillReferenced(error))
          conflict("Assessments are aligned to this learning target; it cannot be deleted.");
        throw error;
      }
      return { ok: true as const };
    },
  );
}
