import { sql } from "drizzle-orm";
import type { ThreadSummary } from "../../../contract/discussions";
import type { Db } from "../../db/client";
import { SEARCH_CONFIG } from "../../db/search";
import type { Actor } from "../../policy/actor";
import { visibleThreadsFilter } from "../../policy/thread-scope";

type RawThread = {
  id: string;
  community_id: string | null;
  community_name: string | null;
  title: string;
  excerpt: string;
  author_id: string | null;
  author_name: string | null;
  reply_count: number;
  last_activity_at: string | Date;
  created_at: string | Date;
  total?: number;
};

const threadColumns = sql`t.id, t.community_id, c.name as community_name, t.title, left(t.body, 240) as excerpt,
  t.author_id, p.display_name as author_name, t.reply_count, t.last_activity_at, t.created_at`;

function toSummary(r: RawThread): ThreadSummary {
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    title: r.title,
    excerpt: r.excerpt,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? "" } : null,
    replyCount: r.reply_count,
    lastActivityAt: new Date(r.last_activity_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Where threads are listed: one community's, or the district-wide forum (threads of no community). */
type ThreadPlace = { communityId: string } | { forumOfDistrictId: string };

/** A page of threads in one place (a community, or the forum), most recently active first. */
export async function listThreads(
  db: Db,
  place: ThreadPlace,
  options: { q?: string | undefined; page: number; pageSize: number },
) {
  const where =
    "communityId" in place
      ? sql`t.community_id = ${place.communityId}`
      : sql`t.district_id = ${place.forumOfDistrictId} and t.community_id is null`;
  const search = options.q ? sql`and t.search @@ websearch_to_tsquery(${SEARCH_CONFIG}, ${options.q})` : sql``;
  const result = await db.execute<RawThread>(sql`
    select ${threadColumns}, count(*) over () as total
      from discussion_threads t left join communities c on c.id = t.community_id left join people p on p.id = t.author_id
     where ${where} ${search}
     order by t.last_activity_at desc, t.id
     limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`);
  return { items: result.rows.map(toSummary), total: result.rows[0]?.total ?? 0 };
}

export type ThreadRow = ThreadSummary & { districtId: string; body: string; bodyHtml: string };

/** One thread with its body, or undefined; the caller authorizes (thread-target.ts loads what the rules need). */
export async function findThread(db: Db, id: string): Promise<ThreadRow | undefined> {
  const result = await db.execute<RawThread & { district_id: string; body: string; body_html: string }>(sql`
    select ${threadColumns}, t.district_id, t.body, t.body_html
      from discussion_threads t left join communities c on c.id = t.community_id left join people p on p.id = t.author_id
     where t.id = ${id}`);
  const row = result.rows[0];
  return row ? { ...toSummary(row), districtId: row.district_id, body: row.body, bodyHtml: row.body_html } : undefined;
}

type RawReply = {
  id: string;
  body: string;
  body_html: string;
  author_id: string | null;
  author_name: string | null;
  created_at: string | Date;
};

/** A thread's replies, oldest first. */
export async function listReplies(db: Db, threadId: string) {
  const result = await db.execute<RawReply>(sql`
    select r.id, r.body, r.body_html, r.author_id, p.display_name as author_name, r.created_at
      from discussion_replies r left join people p on p.id = r.author_id
     where r.thread_id = ${threadId} order by r.created_at, r.id limit 1000`);
  return result.rows.map((r) => ({
    id: r.id,
    body: r.body,
    bodyHtml: r.body_html,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? "" } : null,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

type RawHit = {
  kind: "thread" | "reply";
  id: string;
  thread_id: string;
  title: string;
  snippet: string;
  community_name: string | null;
  rank: number;
};

/** Threads and replies the actor may read whose words match the query, best first. */
export async function searchDiscussions(db: Db, actor: Actor, q: string, limit = 50) {
  const query = sql`websearch_to_tsquery(${SEARCH_CONFIG}, ${q})`;
  const result = await db.execute<RawHit>(sql`
    select * from (
      select 'thread' as kind, t.id, t.id as thread_id, t.title,
             ts_headline(${SEARCH_CONFIG}, t.title || E'\n' || t.body, ${query}, 'MaxWords=30, MinWords=10, StartSel=«, StopSel=»') as snippet,
             c.name as community_name, ts_rank(t.search, ${query})::float8 as rank
        from discussion_threads t left join communities c on c.id = t.community_id
       where t.search @@ ${query} and ${visibleThreadsFilter(actor)}
      union all
      select 'reply', r.id, t.id, t.title,
             ts_headline(${SEARCH_CONFIG}, r.body, ${query}, 'MaxWords=30, MinWords=10, StartSel=«, StopSel=»'),
             c.name, ts_rank(r.search, ${query})::float8
        from discussion_replies r join discussion_threads t on t.id = r.thread_id
        left join communities c on c.id = t.community_id
       where r.search @@ ${query} and ${visibleThreadsFilter(actor)}
    ) hits order by rank desc, id limit ${limit}`);
  return result.rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    threadId: r.thread_id,
    title: r.title,
    snippet: r.snippet,
    communityName: r.community_name,
    rank: r.rank,
  }));
}
