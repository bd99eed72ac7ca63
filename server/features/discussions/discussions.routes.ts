import { eq, sql } from "drizzle-orm";
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
import { recordAudit } from "../../audit/record-audit";
import { discussionThreads } from "../../db/schema";
import { SEARCH_CONFIG } from "../../db/search";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { abilities, authorize, can } from "../../policy/authorize";
import type { ThreadTarget } from "../../policy/rules";
import type { App } from "../../types";
import { findCommunity, requireCommunity } from "../communities/communities.queries";
import { listPostAttachments } from "./attachments.queries";
import { attachmentsRoutes } from "./attachments.routes";
import { findThread, listReplies, listThreads, searchDiscussions } from "./discussions.queries";
import { replyToThread, startThread } from "./post-discussion";
import { renderMarkdown } from "./render-markdown";

/** Discussions: threads in each community and in the district-wide forum, with replies and search. */
export async function discussionsRoutes(app: App) {
  const loadCommunity = (id: string) => requireCommunity(app.db, id);

  /** The thread with the target shape its rules need. */
  async function loadThread(id: string) {
    const thread = (await findThread(app.db, id)) ?? notFound("thread");
    const community = thread.communityId ? ((await findCommunity(app.db, thread.communityId)) ?? null) : null;
    const target: ThreadTarget = {
      districtId: thread.districtId,
      id: thread.id,
      authorId: thread.author?.id ?? null,
      community,
    };
    return { thread, target };
  }

  async function detail(actor: Actor, id: string) {
    const { thread, target } = await loadThread(id);
    authorize(actor, "thread.read", target);
    const [replies, attachments] = await Promise.all([
      listReplies(app.db, thread.id),
      listPostAttachments(app.db, thread.id),
    ]);
    const { districtId: _districtId, ...shown } = thread;
    return {
      ...shown,
      attachments: attachments.get(thread.id) ?? [],
      replies: replies.map((r) => ({
        ...r,
        attachments: attachments.get(r.id) ?? [],
        canAttach: can(actor, "post.attach", { districtId: thread.districtId, authorId: r.author?.id ?? null }),
      })),
      can: {
        ...abilities(actor, ["thread.post", "thread.update"], target),
        attach: can(actor, "post.attach", { districtId: thread.districtId, authorId: thread.author?.id ?? null }),
      },
    };
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
      const { items, total } = await listThreads(app.db, sql`t.community_id = ${community.id}`, request.query);
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
      const actor = requireActor(request);
      const community = await loadCommunity(request.params.id);
      const target = { districtId: community.districtId, authorId: actor.personId, community };
      authorize(actor, "thread.post", { ...target, id: "" });
      const id = await startThread(app.db, request, actor, target, request.body);
      return reply.code(201).send(await detail(actor, id));
    },
  );

  app.get(
    "/forum/threads",
    { config: { policy: "thread.read" }, schema: { querystring: ThreadsQuery, response: { 200: ThreadPage } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "thread.read", { districtId: actor.districtId, id: "", authorId: null, community: null });
      const scope = sql`t.district_id = ${actor.districtId} and t.community_id is null`;
      const { items, total } = await listThreads(app.db, scope, request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    "/forum/threads",
    { config: { policy: "thread.post" }, schema: { body: ThreadInput, response: { 201: ThreadDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const target = { districtId: actor.districtId, authorId: actor.personId, community: null };
      authorize(actor, "thread.post", { ...target, id: "" });
      const id = await startThread(app.db, request, actor, target, request.body);
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
      const title = request.body.title ?? thread.title;
      const body = request.body.body ?? thread.body;
      await app.db
        .update(discussionThreads)
        .set({
          title,
          body,
          bodyHtml: renderMarkdown(body),
          search: sql`to_tsvector(${SEARCH_CONFIG}, ${`${title}\n${body}`})`,
          updatedAt: sql`now()`,
        })
        .where(eq(discussionThreads.id, thread.id));
      await recordAudit(app.db, request, {
        action: "discussion.thread_edited",
        subjectType: "thread",
        subjectId: thread.id,
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
      const actor = requireActor(request);
      const { thread, target } = await loadThread(request.params.id);
      authorize(actor, "thread.post", target);
      await replyToThread(app.db, request, actor, { ...target, title: thread.title }, request.body.body);
      return reply.code(201).send(await detail(actor, thread.id));
    },
  );

  app.get(
    "/discussions/search",
    { config: { policy: "signed-in" }, schema: { querystring: SearchQuery, response: { 200: SearchResults } } },
    async (request) => ({ items: await searchDiscussions(app.db, requireActor(request), request.query.q) }),
  );
}
