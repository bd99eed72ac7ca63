import { sql } from "drizzle-orm";
import type { Attachment } from "../../../contract/discussions";
import type { Db } from "../../db/client";

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
