import { and, eq, sql } from "drizzle-orm";
import type { Attachment } from "../../../contract/discussions";
import type { Db } from "../../db/client";
import { discussionReplies } from "../../db/schema";

/** The files attached to a thread and to each of its replies, in one query: postId -> attachments. */
export async function listPostAttachments(db: Db, threadId: string): Promise<Map<string, Attachment[]>> {
  const result = await db.execute<{
    id: string;
    attached_to_id: string;
    original_name: string;
    content_type: string;
    byte_size: number;
  }>(sql`
    select f.id, f.attached_to_id, f.original_name, f.content_type, f.byte_size
      from files f
     where (f.attached_to_type = 'thread' and f.attached_to_id = ${threadId})
        or (f.attached_to_type = 'reply' and f.attached_to_id in (select r.id from discussion_replies r where r.thread_id = ${threadId}))
     order by f.created_at, f.id`);
  const byPost = new Map<string, Attachment[]>();
  for (const f of result.rows) {
    const list = byPost.get(f.attached_to_id) ?? [];
    list.push({ id: f.id, name: f.original_name, contentType: f.content_type, byteSize: f.byte_size });
    byPost.set(f.attached_to_id, list);
  }
  return byPost;
}

/** The thread a discussion attachment belongs to (directly, or through its reply). */
export async function threadOfAttachment(
  db: Db,
  file: { attachedToType: string; attachedToId: string },
): Promise<string | undefined> {
  if (file.attachedToType === "thread") return file.attachedToId;
  const result = await db.execute<{ thread_id: string }>(
    sql`select thread_id from discussion_replies where id = ${file.attachedToId}`,
  );
  return result.rows[0]?.thread_id;
}

/** A discussion post files attach to: a thread or one of its replies, with its author. */
export type Post = { type: "thread" | "reply"; id: string; districtId: string; authorId: string | null };

/** A thread as a post files attach to, or undefined. */
export async function findThreadPost(db: Db, threadId: string): Promise<Post | undefined> {
  const result = await db.execute<{ id: string; district_id: string; author_id: string | null }>(
    sql`select id, district_id, author_id from discussion_threads where id = ${threadId}`,
  );
  const row = result.rows[0];
  return row ? { type: "thread", id: row.id, districtId: row.district_id, authorId: row.author_id } : undefined;
}

/** A reply of the given thread as a post files attach to, or undefined. */
export async function findReplyPost(db: Db, threadId: string, replyId: string): Promise<Post | undefined> {
  const [reply] = await db
    .select()
    .from(discussionReplies)
    .where(and(eq(discussionReplies.id, replyId), eq(discussionReplies.threadId, threadId)));
  return reply ? { type: "reply", id: reply.id, districtId: reply.districtId, authorId: reply.authorId } : undefined;
}
