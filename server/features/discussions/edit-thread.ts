import { eq, sql } from "drizzle-orm";
import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { discussionThreads } from "../../db/schema";
import { SEARCH_CONFIG } from "../../db/search";
import { renderMarkdown } from "./render-markdown";

/** Saves a thread's edited title and body (with their safe HTML and search index), with the audit entry. */
export async function editThread(
  db: Db,
  context: AuditContext,
  threadId: string,
  edited: { title: string; body: string },
): Promise<void> {
  const { title, body } = edited;
  await db
    .update(discussionThreads)
    .set({
      title,
      body,
      bodyHtml: renderMarkdown(body),
      search: sql`to_tsvector(${SEARCH_CONFIG}, ${`${title}\n${body}`})`,
      updatedAt: sql`now()`,
    })
    .where(eq(discussionThreads.id, threadId));
  await recordAudit(db, context, { action: "discussion.thread_edited", subjectType: "thread", subjectId: threadId });
}
