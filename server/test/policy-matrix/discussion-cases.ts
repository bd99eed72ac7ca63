import { discussionThreads } from "../../db/schema";
import { type Case, COMMUNITY_MANAGERS, COMMUNITY_READERS, type Ctx, STAFF, type Targets } from "./matrix-context";

/** A fresh thread in the district's community, or in its forum (communityId null). */
async function threadIn(c: Ctx, targets: Targets, where: "community" | "forum"): Promise<string> {
  const [thread] = await c.db
    .insert(discussionThreads)
    .values({
      districtId: targets.district.id,
      communityId: where === "community" ? targets.communityId : null,
      title: "Exit tickets",
      body: "What do we notice?",
      bodyHtml: "<p>What do we notice?</p>",
      authorId: targets.teacher.id,
    })
    .returning({ id: discussionThreads.id });
  return thread?.id as string;
}

const post = { title: "Reteaching fractions", body: "Ideas, @nobody?" };

/** Discussions, the district forum, search and notifications. */
export const discussionCases: Record<string, Case> = {
  "GET /api/v1/communities/:id/threads": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}/threads` }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/threads` }),
  },
  "POST /api/v1/communities/:id/threads": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}/threads`, payload: post }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/threads`, payload: post }),
  },
  "GET /api/v1/forum/threads": {
    allowed: STAFF,
    own: () => ({ url: "/api/v1/forum/threads?pageSize=200" }),
  },
  "POST /api/v1/forum/threads": { allowed: STAFF, own: () => ({ url: "/api/v1/forum/threads", payload: post }) },
  "GET /api/v1/threads/:id": {
    allowed: COMMUNITY_READERS,
    own: async (c) => ({ url: `/api/v1/threads/${await threadIn(c, c.own, "community")}` }),
    other: async (c) => ({ url: `/api/v1/threads/${await threadIn(c, c.other, "forum")}` }),
  },
  "PATCH /api/v1/threads/:id": {
    // The author (not among the signed-in roles here) and the community's managers may edit.
    allowed: COMMUNITY_MANAGERS,
    own: async (c) => ({
      url: `/api/v1/threads/${await threadIn(c, c.own, "community")}`,
      payload: { title: "Edited" },
    }),
    other: async (c) => ({
      url: `/api/v1/threads/${await threadIn(c, c.other, "community")}`,
      payload: { title: "Edited" },
    }),
  },
  "POST /api/v1/threads/:id/replies": {
    allowed: COMMUNITY_READERS,
    own: async (c) => ({
      url: `/api/v1/threads/${await threadIn(c, c.own, "community")}/replies`,
      payload: { body: "Agreed." },
    }),
    other: async (c) => ({
      url: `/api/v1/threads/${await threadIn(c, c.other, "forum")}/replies`,
      payload: { body: "x" },
    }),
  },
  // Only a post's author may attach (not among the signed-in roles here), so every role is refused; the
  // attachment tests cover the author. The body is never read before the rule allows it.
  "POST /api/v1/threads/:id/attachments": {
    allowed: [],
    own: async (c) => ({ url: `/api/v1/threads/${await threadIn(c, c.own, "community")}/attachments`, payload: {} }),
    other: async (c) => ({
      url: `/api/v1/threads/${await threadIn(c, c.other, "community")}/attachments`,
      payload: {},
    }),
  },
  "POST /api/v1/threads/:id/replies/:replyId/attachments": {
    allowed: [],
    own: async (c) => ({
      url: `/api/v1/threads/${await threadIn(c, c.own, "community")}/replies/00000000-0000-4000-8000-000000000000/attachments`,
      payload: {},
    }),
    other: async (c) => ({
      url: `/api/v1/threads/${await threadIn(c, c.other, "community")}/replies/00000000-0000-4000-8000-000000000000/attachments`,
      payload: {},
    }),
  },
  "GET /api/v1/discussions/search": {
    allowed: "all",
    own: () => ({ url: "/api/v1/discussions/search?q=notice" }),
  },
  "GET /api/v1/me/notifications": { allowed: "all", own: () => ({ url: "/api/v1/me/notifications" }) },
  "POST /api/v1/me/notifications/read": {
    allowed: "all",
    own: () => ({ url: "/api/v1/me/notifications/read", payload: { all: true } }),
  },
  "GET /api/v1/me/notification-settings": { allowed: "all", own: () => ({ url: "/api/v1/me/notification-settings" }) },
  // One-click unsubscribe: its token is its only authority (a made-up one names nobody: 404, for every role).
  "POST /api/v1/notifications/unsubscribe": {
    allowed: "public",
    own: () => ({ url: `/api/v1/notifications/unsubscribe?token=${"u".repeat(43)}&kind=meeting_soon` }),
  },
  "PUT /api/v1/me/notification-settings": {
    allowed: "all",
    own: () => ({ url: "/api/v1/me/notification-settings", payload: { emailDigest: true } }),
  },
};
