import { eq, sql } from "drizzle-orm";
import { IdParams, Ok } from "../../../contract/common";
import { EssentialStandard, LearningTargetInput, LearningTargetPatch } from "../../../contract/essentials";
import { recordAudit } from "../../audit/record-audit";
import { learningTargets } from "../../db/schema";
import { conflict, notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import type { App } from "../../types";
import { essentialsAbilities, presentEssentialStandard } from "./essentials.present";
import { reorderTargets, requireEssentialStandard, requireLearningTarget } from "./essentials.queries";
import { requireEssentialsCommunity } from "./essentials-access";

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
      await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(learningTargets)
          .values({
            districtId: essential.districtId,
            standardId: essential.standard.id,
            communityId: essential.communityId,
            essentialStandardId: essential.id,
            code: request.body.code || null,
            statement: request.body.statement,
            position: sql`(select coalesce(max(position) + 1, 0) from learning_targets
              where essential_standard_id = ${essential.id})`,
            createdById: actor.personId,
          })
          .returning({ id: learningTargets.id });
        if (!row) throw new Error("learning target insert returned nothing");
        await recordAudit(tx, request, {
          action: "learning_target.created",
          subjectType: "learning_target",
          subjectId: row.id,
          details: { essentialStandardId: essential.id, statement: request.body.statement },
        });
      });
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
      const { position, ...fields } = request.body;
      await app.db.transaction(async (tx) => {
        if (Object.keys(fields).length) {
          await tx
            .update(learningTargets)
            .set({ ...fields, ...(fields.code === "" ? { code: null } : {}), updatedAt: sql`now()` })
            .where(eq(learningTargets.id, target.id));
        }
        if (position !== undefined) await reorderTargets(tx, essentialStandardId, target.id, position);
        await recordAudit(tx, request, {
          action: "learning_target.updated",
          subjectType: "learning_target",
          subjectId: target.id,
          details: { fields: Object.keys(request.body), ...(fields.statement ? { statement: fields.statement } : {}) },
        });
      });
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
      await app.db.transaction(async (tx) => {
        await tx.delete(learningTargets).where(eq(learningTargets.id, target.id));
        await reorderTargets(tx, essentialStandardId);
        await recordAudit(tx, request, {
          action: "learning_target.deleted",
          subjectType: "learning_target",
          subjectId: target.id,
          details: { essentialStandardId },
        });
      });
      return { ok: true as const };
    },
  );
}
