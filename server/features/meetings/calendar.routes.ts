import { z } from "zod";
import { CalendarFeed } from "../../../contract/meetings";
import { hashToken, newToken } from "../../auth/tokens";
import { publicBaseUrl } from "../../config";
import { notFound } from "../../errors";
import { actorContextOf } from "../../http/signed-in";
import type { App } from "../../types";
import { renderCalendar } from "./calendar.present";
import { findCalendarFeed, listFeedMeetings, replaceCalendarFeed } from "./calendar-feed";

const FeedParams = z.strictObject({ file: z.string().regex(/^[\w-]{20,200}\.ics$/, "a calendar feed file name") });

/** Each person's private iCalendar feed of their communities' meetings. */
export async function calendarRoutes(app: App) {
  app.post(
    "/me/calendar-feed",
    { config: { policy: "signed-in" }, schema: { response: { 200: CalendarFeed } } },
    async (request) => {
      const token = newToken();
      await replaceCalendarFeed(app.db, actorContextOf(request), hashToken(token));
      return { url: `${publicBaseUrl(app.config)}/api/v1/calendar/${token}.ics` };
    },
  );

  app.get(
    "/calendar/:file",
    { config: { policy: "public" }, schema: { params: FeedParams } },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, "");
      const feed = (await findCalendarFeed(app.db, hashToken(token))) ?? notFound("calendar feed");
      const meetings = await listFeedMeetings(app.db, feed.personId);
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .send(renderCalendar(meetings, publicBaseUrl(app.config)));
    },
  );
}
