import { IdParams } from "../../../contract/common";
import {
  ReplyInput,
  SearchQuery,
  SearchResults,
  ThreadDetail,
  ThreadInput,
  ThreadPage,
  ThreadPatch,
  ThreadsQuery,
} from "../../../contract/discussions";
import { notFound } from "../../errors";
import { actorContextOf, auditContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { listPostAttachments } from "./attachments.queries";
import { attachmentsRoutes } from "./attachments.routes";
import { presentThreadDetail } from "./discussions.present";
import { listReplies, listThreads, searchDiscussions } from "./discussions.queries";
import { editThread } from "./edit-thread";
import { replyToThread, startThread } from "./post-discussion";
import { findThreadWithTarget } from "./thread-target";

/** Discussions: threads in each community and in the district-wide forum, with replies and search. */
export async function discussionsRoutes(app: App) {
  const loadCommunity = (id: string) => requireCommunity(app.db, id);
  const loadThread = async (id: string) => (await findThreadWithTarget(app.db, id)) ?? notFound("thread");

  async function detail(actor: Actor, id: string) {
    const loaded = await loadThread(id);
    authorize(actor, "thread.read", loaded.target);
    const [replies, attachments] = await Promise.all([
      listReplies(app.db, loaded.thread.id),
      listPostAttachments(app.db, loaded.thread.id),
    ]);
    return presentThreadDetail(actor, loaded, replies, attachments);
  }

  await app.register(attachmentsRoutes, { detail });

  app.get(
    "/communities/:id/threads",
    {
      config: { policy: "community.read" },
      schema: { params: IdParams, querystring: ThreadsQuery, response: { 200: ThreadPage } },
    },
    async (request) => {
      const community = await loadCommunity(request.params.id);
      authorize(requireActor(request), "community.read", community);
      const { items, total } = await listThreads(app.db, { communityId: community.id }, request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    "/communities/:id/threads",
    {
      config: { policy: "thread.post" },
      schema: { params: IdParams, body: ThreadInput, response: { 201: ThreadDetail } },
    },
    async (request, reply) => {
      const context = actorContextOf(request);
      const { actor } = context;
      const community = await loadCommunity(request.params.id);
      const target = { districtId: community.districtId, authorId: actor.personId, community };
      authorize(actor, "thread.post", { ...target, id: "" });
      const id = await startThread(app.db, context, target, request.body);
      return reply.code(201).send(await detail(actor, id));
    },
  );

  app.get(
    "/forum/threads",
    { config: { policy: "thread.read" }, schema: { querystring: ThreadsQuery, response: { 200: ThreadPage } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "thread.read", { districtId: actor.districtId, id: "", authorId: null, community: null });
      const { items, total } = await listThreads(app.db, { forumOfDistrictId: actor.districtId }, request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    "/forum/threads",
    { config: { policy: "thread.post" }, schema: { body: ThreadInput, response: { 201: ThreadDetail } } },
    async (request, reply) => {
      const context = actorContextOf(request);
      const { actor } = context;
      const target = { districtId: actor.districtId, authorId: actor.personId, community: null };
      authorize(actor, "thread.post", { ...target, id: "" });
      const id = await startThread(app.db, context, target, request.body);
      return reply.code(201).send(await detail(actor, id));
    },
  );

  app.get(
    "/threads/:id",
    { config: { policy: "thread.read" }, schema: { params: IdParams, response: { 200: ThreadDetail } } },
    async (request) => detail(requireActor(request), request.params.id),
  );

  app.patch(
    "/threads/:id",
    {
      config: { policy: "thread.update" },
      schema: { params: IdParams, body: ThreadPatch, response: { 200: ThreadDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const { thread, target } = await loadThread(request.params.id);
      authorize(actor, "thread.update", target);
      await editThread(app.db, auditContextOf(request), thread.id, {
        title: request.body.title ?? thread.title,
        body: request.body.body ?? thread.body,
      });
      return detail(actor, thread.id);
    },
  );

  app.post(
    "/threads/:id/replies",
    {
      config: { policy: "thread.post" },
      schema: { params: IdParams, body: ReplyInput, response: { 201: ThreadDetail } },
    },
    async (request, reply) => {
      const context = actorContextOf(request);
      const { thread, target } = await loadThread(request.params.id);
      authorize(context.actor, "thread.post", target);
      await replyToThread(app.db, context, { ...target, title: thread.title }, request.body.body);
      return reply.code(201).send(await detail(context.actor, thread.id));
    },
  );

  app.get(
    "/discussions/search",
    { config: { policy: "signed-in" }, schema: { querystring: SearchQuery, response: { 200: SearchResults } } },
    async (request) => ({ items: await searchDiscussions(app.db, requireActor(request), request.query.q) }),
  );
}
