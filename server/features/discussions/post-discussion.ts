import { eq, sql } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { discussionReplies, discussionThreads } from "../../db/schema";
import { SEARCH_CONFIG } from "../../db/search";
import type { Actor } from "../../policy/actor";
import { can } from "../../policy/authorize";
import type { ThreadTarget } from "../../policy/rules";
import { type Notice, sendNotices } from "../notifications/notices";
import { mentionedHandles, renderMarkdown } from "./render-markdown";

type Mentioned = { id: string; email: string; roles: Actor["roles"]; memberships: Actor["memberships"] };

/** The colleagues a post @mentions who may read where it was posted: only they are notified. */
async function mentionedReaders(db: Db, actor: Actor, target: ThreadTarget, body: string): Promise<string[]> {
  const handles = mentionedHandles(body);
  if (!handles.length) return [];
  const result = await db.execute<Mentioned>(sql`
    select p.id, p.email,
           coalesce((select json_agg(json_build_object('role', ra.role, 'schoolId', ra.school_id)) from role_assignments ra where ra.person_id = p.id), '[]'::json) as roles,
           coalesce((select json_object_agg(cm.community_id, cm.team_role) from community_members cm where cm.person_id = p.id), '{}'::json) as memberships
      from people p
     where p.district_id = ${actor.districtId} and p.status = 'active'
       and lower(split_part(p.email, '@', 1)) in (${sql.join(
         handles.map((h) => sql`${h}`),
         sql`, `,
       )})`);
  return result.rows
    .filter((person) =>
      can(
        { ...actor, personId: person.id, roles: person.roles, memberships: person.memberships },
        "thread.read",
        target,
      ),
    )
    .map((person) => person.id);
}

/** Starts a thread: stores the markdown and its safe HTML, indexes it for search, notifies the mentioned. */
export async function startThread(
  db: Db,
  context: ActorContext,
  target: Omit<ThreadTarget, "id">,
  input: { title: string; body: string },
): Promise<string> {
  const { actor } = context;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(discussionThreads)
      .values({
        districtId: actor.districtId,
        communityId: target.community?.id ?? null,
        title: input.title,
        body: input.body,
        bodyHtml: renderMarkdown(input.body),
        authorId: actor.personId,
        search: sql`to_tsvector(${SEARCH_CONFIG}, ${`${input.title}\n${input.body}`})`,
      })
      .returning({ id: discussionThreads.id });
    if (!row) throw new Error("thread insert returned nothing");
    const mentioned = await mentionedReaders(tx, actor, { ...target, id: row.id }, input.body);
    await sendNotices(
      tx,
      mentioned.map((personId) => ({
        districtId: actor.districtId,
        personId,
        kind: "mention",
        title: `${actor.displayName} mentioned you in "${input.title}"`,
        link: `/discussions/${row.id}`,
        actorId: actor.personId,
      })),
      null,
    );
    await recordAudit(tx, context, { action: "discussion.thread_started", subjectType: "thread", subjectId: row.id });
    return row.id;
  });
}

/** Replies to a thread: notifies those mentioned, and the thread's author and earlier repliers. */
export async function replyToThread(
  db: Db,
  context: ActorContext,
  thread: ThreadTarget & { title: string },
  body: string,
): Promise<string> {
  const { actor } = context;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(discussionReplies)
      .values({
        districtId: actor.districtId,
        threadId: thread.id,
        body,
        bodyHtml: renderMarkdown(body),
        authorId: actor.personId,
        search: sql`to_tsvector(${SEARCH_CONFIG}, ${body})`,
      })
      .returning({ id: discussionReplies.id });
    if (!row) throw new Error("reply insert returned nothing");
    await tx
      .update(discussionThreads)
      .set({ replyCount: sql`${discussionThreads.replyCount} + 1`, lastActivityAt: sql`now()` })
      .where(eq(discussionThreads.id, thread.id));
    const mentioned = await mentionedReaders(tx, actor, thread, body);
    // The thread's author and earlier repliers who still use Collective.
    const participants = await tx.execute<{ id: string }>(sql`
      select p.id from people p
       where p.status = 'active' and p.id in (
         select author_id from discussion_threads where id = ${thread.id}
         union select author_id from discussion_replies where thread_id = ${thread.id})`);
    const link = `/discussions/${thread.id}`;
    const items: Notice[] = [
      ...mentioned.map((personId) => ({
        districtId: actor.districtId,
        personId,
        kind: "mention" as const,
        title: `${actor.displayName} mentioned you in "${thread.title}"`,
        link,
        actorId: actor.personId,
      })),
      ...participants.rows.map((p) => ({
        districtId: actor.districtId,
        personId: p.id,
        kind: "reply" as const,
        title: `${actor.displayName} replied in "${thread.title}"`,
        link,
        actorId: actor.personId,
      })),
    ];
    await sendNotices(tx, items, null);
    await recordAudit(tx, context, { action: "discussion.replied", subjectType: "thread", subjectId: thread.id });
    return row.id;
  });
}
