import { eq, sql } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { calendarFeeds } from "../../db/schema";
import { sqlNow } from "../../db/sql-time";

export type FeedMeeting = {
  id: string;
  title: string;
  community_name: string;
  starts_at: string | Date;
  ends_at: string | Date;
  location: string;
  link: string | null;
  status: string;
  protocol_name: string | null;
};

/** Gives the actor a new feed token; a new link replaces the old one, the only way to revoke a shared feed URL. */
export async function replaceCalendarFeed(db: Db, context: ActorContext, tokenHash: string): Promise<void> {
  const { actor } = context;
  await db
    .insert(calendarFeeds)
    .values({ personId: actor.personId, districtId: actor.districtId, tokenHash })
    .onConflictDoUpdate({ target: calendarFeeds.personId, set: { tokenHash, createdAt: sql`now()` } });
  await recordAudit(db, context, {
    action: "calendar.feed_created",
    subjectType: "person",
    subjectId: actor.personId,
  });
}

/** The feed a token (by its hash) opens, if any. */
export async function findCalendarFeed(db: Db, tokenHash: string) {
  const [feed] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
  return feed;
}

/** The meetings of an active person's communities from 60 days ago on. */
export async function listFeedMeetings(db: Db, personId: string): Promise<FeedMeeting[]> {
  const result = await db.execute<FeedMeeting>(sql`
      select m.id, m.title, c.name as community_name, m.starts_at, m.ends_at, m.location, m.link, m.status,
             m.protocol->>'name' as protocol_name
        from meetings m
        join communities c on c.id = m.community_id
        join community_members cm on cm.community_id = m.community_id and cm.person_id = ${personId}
        join people p on p.id = cm.person_id and p.status = 'active'
       where m.starts_at > ${sqlNow()} - interval '60 days'
       order by m.starts_at limit 1000`);
  return result.rows;
}
