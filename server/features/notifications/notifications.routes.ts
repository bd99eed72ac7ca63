import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { Ok } from "../../../contract/common";
import { MarkReadInput, NotificationList, NotificationSettings } from "../../../contract/notifications";
import { notificationSettings, notifications } from "../../db/schema";
import { requireActor } from "../../http/signed-in";
import type { App } from "../../types";

type RawNotification = {
  id: string;
  kind: "mention" | "reply" | "action_item" | "visit";
  title: string;
  link: string;
  actor_name: string | null;
  read_at: string | Date | null;
  created_at: string | Date;
  unread: number;
};

/** The bell: one's own notifications, and whether to get them by email. */
export async function notificationsRoutes(app: App) {
  app.get(
    "/me/notifications",
    { config: { policy: "signed-in" }, schema: { response: { 200: NotificationList } } },
    async (request) => {
      const actor = requireActor(request);
      const result = await app.db.execute<RawNotification>(sql`
        select n.id, n.kind, n.title, n.link, p.display_name as actor_name, n.read_at, n.created_at,
               (select count(*) from notifications u where u.person_id = ${actor.personId} and u.read_at is null)::int as unread
          from notifications n left join people p on p.id = n.actor_id
         where n.person_id = ${actor.personId}
         order by n.created_at desc limit 50`);
      const unread = result.rows[0]?.unread ?? 0;
      return {
        unread,
        items: result.rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          link: n.link,
          actorName: n.actor_name,
          read: n.read_at !== null,
          createdAt: new Date(n.created_at).toISOString(),
        })),
      };
    },
  );

  app.post(
    "/me/notifications/read",
    { config: { policy: "signed-in" }, schema: { body: MarkReadInput, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      const conditions = [eq(notifications.personId, actor.personId), isNull(notifications.readAt)];
      if (!request.body.all)
        conditions.push(
          inArray(
            notifications.id,
            request.body.ids?.length ? request.body.ids : ["00000000-0000-4000-8000-000000000000"],
          ),
        );
      await app.db
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(and(...conditions));
      return { ok: true as const };
    },
  );

  app.get(
    "/me/notification-settings",
    { config: { policy: "signed-in" }, schema: { response: { 200: NotificationSettings } } },
    async (request) => {
      const actor = requireActor(request);
      const [row] = await app.db
        .select()
        .from(notificationSettings)
        .where(eq(notificationSettings.personId, actor.personId));
      return { emailDigest: row?.emailDigest ?? true };
    },
  );

  app.put(
    "/me/notification-settings",
    {
      config: { policy: "signed-in" },
      schema: { body: NotificationSettings, response: { 200: NotificationSettings } },
    },
    async (request) => {
      const actor = requireActor(request);
      await app.db
        .insert(notificationSettings)
        .values({ personId: actor.personId, districtId: actor.districtId, emailDigest: request.body.emailDigest })
        .onConflictDoUpdate({ target: notificationSettings.personId, set: { emailDigest: request.body.emailDigest } });
      return request.body;
    },
  );
}
