import { eq, sql } from "drizzle-orm";
import ical, { ICalEventStatus } from "ical-generator";
import { z } from "zod";
import { CalendarFeed } from "../../../contract/meetings";
import { recordAudit } from "../../audit/record-audit";
import { hashToken, newToken } from "../../auth/tokens";
import { publicBaseUrl } from "../../config";
import { calendarFeeds } from "../../db/schema";
import { sqlNow } from "../../db/sql-time";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { App } from "../../types";

const FeedParams = z.strictObject({ file: z.string().regex(/^[\w-]{20,200}\.ics$/, "a calendar feed file name") });

type FeedMeeting = {
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

/** Each person's private iCalendar feed of their communities' meetings. */
export async function calendarRoutes(app: App) {
  app.post(
    "/me/calendar-feed",
    { config: { policy: "signed-in" }, schema: { response: { 200: CalendarFeed } } },
    async (request) => {
      const actor = requireActor(request);
      const token = newToken();
      // A new link replaces the old one: the only way to revoke a feed URL that was shared by mistake.
      await app.db
        .insert(calendarFeeds)
        .values({ personId: actor.personId, districtId: actor.districtId, tokenHash: hashToken(token) })
        .onConflictDoUpdate({
          target: calendarFeeds.personId,
          set: { tokenHash: hashToken(token), createdAt: sql`now()` },
        });
      await recordAudit(app.db, request, {
        action: "calendar.feed_created",
        subjectType: "person",
        subjectId: actor.personId,
      });
      return { url: `${publicBaseUrl(app.config)}/api/v1/calendar/${token}.ics` };
    },
  );

  app.get(
    "/calendar/:file",
    { config: { policy: "public" }, schema: { params: FeedParams } },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, "");
      const [feed] = await app.db
        .select()
        .from(calendarFeeds)
        .where(eq(calendarFeeds.tokenHash, hashToken(token)));
      if (!feed) notFound("calendar feed");
      const result = await app.db.execute<FeedMeeting>(sql`
      select m.id, m.title, c.name as community_name, m.starts_at, m.ends_at, m.location, m.link, m.status,
             m.protocol->>'name' as protocol_name
        from meetings m
        join communities c on c.id = m.community_id
        join community_members cm on cm.community_id = m.community_id and cm.person_id = ${feed.personId}
        join people p on p.id = cm.person_id and p.status = 'active'
       where m.starts_at > ${sqlNow()} - interval '60 days'
       order by m.starts_at limit 1000`);
      const calendar = ical({ name: "Collective meetings", prodId: { company: "Collective", product: "meetings" } });
      const base = publicBaseUrl(app.config);
      for (const m of result.rows) {
        calendar.createEvent({
          id: `${m.id}@collective`,
          start: new Date(m.starts_at),
          end: new Date(m.ends_at),
          summary: `${m.community_name}: ${m.title}`,
          location: m.link ? `${m.location ? `${m.location} / ` : ""}${m.link}` : m.location || null,
          description: [m.protocol_name ? `Protocol: ${m.protocol_name}` : null, `${base}/meetings/${m.id}`]
            .filter(Boolean)
            .join("\n"),
          url: `${base}/meetings/${m.id}`,
          status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        });
      }
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .send(calendar.toString());
    },
  );
}
