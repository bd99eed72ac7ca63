import { z } from "zod";
import { PageQuery, pageOf } from "./common";

export const Author = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const ThreadSummary = z.object({
  id: z.uuid(),
  communityId: z.uuid().nullable(),
  communityName: z.string().nullable(),
  title: z.string(),
  excerpt: z.string(),
  author: Author,
  replyCount: z.number().int(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;
export const ThreadPage = pageOf(ThreadSummary);
export const ThreadsQuery = PageQuery.extend({ q: z.string().trim().max(200).optional() });

export const Attachment = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Reply = z.object({
  id: z.uuid(),
  bodyHtml: z.string(),
  body: z.string(),
  author: Author,
  createdAt: z.string(),
  attachments: z.array(Attachment),
  /** Whether the viewer may attach files to this reply (its author may). */
  canAttach: z.boolean(),
});

/** What the actor may do in a thread: reply, edit it, attach files to its opening post. */
export const ThreadAbilities = z.object({ post: z.boolean(), update: z.boolean(), attach: z.boolean() });

export const ThreadDetail = ThreadSummary.extend({
  body: z.string(),
  bodyHtml: z.string(),
  attachments: z.array(Attachment),
  replies: z.array(Reply),
  can: ThreadAbilities,
});
export type ThreadDetail = z.infer<typeof ThreadDetail>;

export const ThreadInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
});
export const ThreadPatch = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  body: z.string().trim().min(1).max(20_000).optional(),
});
export const ReplyInput = z.strictObject({ body: z.string().trim().min(1).max(20_000) });

export const SearchQuery = z.strictObject({ q: z.string().trim().min(1).max(200) });
export const SearchHit = z.object({
  kind: z.enum(["thread", "reply", "resource"]),
  id: z.uuid(),
  threadId: z.uuid().nullable(),
  title: z.string(),
  snippet: z.string(),
  communityName: z.string().nullable(),
  rank: z.number(),
});
export const SearchResults = z.object({ items: z.array(SearchHit) });
