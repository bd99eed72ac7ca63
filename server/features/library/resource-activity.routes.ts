import { IdParams } from "../../../contract/common";
import { CommentInput, RatingInput, Resource, ResourceComment, ResourceUse, UseInput } from "../../../contract/library";
import { notFound } from "../../errors";
import { actorContextOf } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { commentOnResource } from "./comment-on-resource";
import { presentNewComment, presentNewUse, presentResource } from "./library.present";
import { findResource, resourceTarget } from "./library.queries";
import { rateResource } from "./rate-resource";
import { recordResourceUse } from "./record-resource-use";

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
      const context = actorContextOf(request);
      const resource = await loadForInteraction(context.actor, request.params.id);
      const comment = await commentOnResource(app.db, context, resource.id, request.body.body);
      return reply.code(201).send(presentNewComment(context.actor, comment));
    },
  );

  app.put(
    "/resources/:id/rating",
    {
      config: { policy: "resource.interact" },
      schema: { params: IdParams, body: RatingInput, response: { 200: Resource } },
    },
    async (request) => {
      const context = actorContextOf(request);
      const { actor } = context;
      const resource = await loadForInteraction(actor, request.params.id);
      await rateResource(app.db, context, resource.id, request.body.usefulness);
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
      const context = actorContextOf(request);
      const resource = await loadForInteraction(context.actor, request.params.id);
      const use = await recordResourceUse(app.db, context, resource.id, request.body);
      return reply.code(201).send(presentNewUse(context.actor, use));
    },
  );
}
