import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { IdParams } from "../../../contract/common";
import { ThreadDetail } from "../../../contract/discussions";
import { invalid, notFound } from "../../errors";
import { countAttachedFiles } from "../../files/stored-files";
import { actorContextOf } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { attachFile } from "./attach-file";
import { findReplyPost, findThreadPost, type Post } from "./attachments.queries";
import { receiveAttachment } from "./receive-attachment";

const MAX_ATTACHMENTS_PER_POST = 10;
const ReplyParams = z.strictObject({ id: z.uuid(), replyId: z.uuid() });

/** Files attached to discussion posts by their authors; downloads go through GET /files/:id. */
export async function attachmentsRoutes(
  app: App,
  options: { detail: (actor: Actor, threadId: string) => Promise<z.infer<typeof ThreadDetail>> },
) {
  // This plugin reads one multipart file per request; elsewhere the app accepts JSON alone.
  await app.register(multipart, { limits: { fileSize: app.config.maxUploadBytes, files: 1, fields: 0, parts: 1 } });

  /** Receives the upload and keeps it as the post's file. */
  async function attach(request: FastifyRequest, post: Post) {
    const context = actorContextOf(request);
    authorize(context.actor, "post.attach", post);
    const count = await countAttachedFiles(app.db, { attachedToType: post.type, attachedToId: post.id });
    if (count >= MAX_ATTACHMENTS_PER_POST) invalid(`A post holds at most ${MAX_ATTACHMENTS_PER_POST} files.`);
    const upload = await receiveAttachment(request, app.config.dataDir, app.config.maxUploadBytes);
    await attachFile(app.db, context, post, upload, app.config.dataDir);
  }

  app.post(
    "/threads/:id/attachments",
    { config: { policy: "post.attach" }, schema: { params: IdParams, response: { 201: ThreadDetail } } },
    async (request, reply) => {
      const { actor } = actorContextOf(request);
      const post = (await findThreadPost(app.db, request.params.id)) ?? notFound("thread");
      // Seeing the thread comes first: an outsider learns nothing from the answer.
      await options.detail(actor, post.id);
      await attach(request, post);
      return reply.code(201).send(await options.detail(actor, post.id));
    },
  );

  app.post(
    "/threads/:id/replies/:replyId/attachments",
    { config: { policy: "post.attach" }, schema: { params: ReplyParams, response: { 201: ThreadDetail } } },
    async (request, reply) => {
      const { actor } = actorContextOf(request);
      await options.detail(actor, request.params.id);
      const post = (await findReplyPost(app.db, request.params.id, request.params.replyId)) ?? notFound("reply");
      await attach(request, post);
      return reply.code(201).send(await options.detail(actor, request.params.id));
    },
  );
}
