import { sql } from "drizzle-orm";
import { IdParams } from "../../../contract/common";
import { CommentInput, RatingInput, Resource, ResourceComment, ResourceUse, UseInput } from "../../../contract/library";
import { recordAudit } from "../../audit/record-audit";
import { resourceComments, resourceRatings, resourceUses } from "../../db/schema";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { presentResource } from "./library.present";
import { findResource, resourceTarget } from "./library.queries";

/** What members do with a resource: comment on it, rate its usefulness, record that they used it. */
export async function resourceActivityRoutes(app: App) {
  async function loadForInteraction(actor: Actor, id: string) {
    const resource = (await findResource(app.db, actor, id)) ?? notFound("resource");
    authorize(actor, "resource.interact", resourceTarget(resource));
    return resource;
  }

  app.post(
    "/resources/:id/comments",
    {
      config: { policy: "resource.interact" },
      schema: { params: IdParams, body: CommentInput, response: { 201: ResourceComment } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const resource = await loadForInteraction(actor, request.params.id);
      const comment = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(resourceComments)
          .values({
            districtId: actor.districtId,
            resourceId: resource.id,
            authorId: actor.personId,
            body: request.body.body,
          })
          .returning();
        if (!row) throw new Error("comment insert returned nothing");
        await recordAudit(tx, request, {
          action: "resource.commented",
          subjectType: "resource",
          subjectId: resource.id,
          details: { commentId: row.id },
        });
        return row;
      });
      return reply.code(201).send({
        id: comment.id,
        author: { id: actor.personId, name: actor.displayName },
        body: comment.body,
        createdAt: comment.createdAt.toISOString(),
      });
    },
  );

  app.put(
    "/resources/:id/rating",
    {
      config: { policy: "resource.interact" },
      schema: { params: IdParams, body: RatingInput, response: { 200: Resource } },
    },
    async (request) => {
      const actor = requireActor(request);
      const resource = await loadForInteraction(actor, request.params.id);
      const { usefulness } = request.body;
      await app.db.transaction(async (tx) => {
        await tx
          .insert(resourceRatings)
          .values({ districtId: actor.districtId, resourceId: resource.id, personId: actor.personId, usefulness })
          .onConflictDoUpdate({
            target: [resourceRatings.resourceId, resourceRatings.personId],
            set: { usefulness, createdAt: sql`now()` },
          });
        await recordAudit(tx, request, {
          action: "resource.rated",
          subjectType: "resource",
          subjectId: resource.id,
          details: { usefulness },
        });
      });
      return presentResource(actor, (await findResource(app.db, actor, resource.id)) ?? notFound("resource"));
    },
  );

  app.post(
    "/resources/:id/uses",
    {
      config: { policy: "resource.interact" },
      schema: { params: IdParams, body: UseInput, response: { 201: ResourceUse } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const resource = await loadForInteraction(actor, request.params.id);
      const use = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(resourceUses)
          .values({
            districtId: actor.districtId,
            resourceId: resource.id,
            personId: actor.personId,
            usedOn: request.body.usedOn,
            reflection: request.body.reflection,
          })
          .returning();
        if (!row) throw new Error("use insert returned nothing");
        await recordAudit(tx, request, {
          action: "resource.use_recorded",
          subjectType: "resource",
          subjectId: resource.id,
          details: { useId: row.id, usedOn: row.usedOn },
        });
        return row;
      });
      return reply.code(201).send({
        id: use.id,
        person: { id: actor.personId, name: actor.displayName },
        usedOn: use.usedOn,
        reflection: use.reflection,
        createdAt: use.createdAt.toISOString(),
      });
    },
  );
}
