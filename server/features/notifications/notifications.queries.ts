import { eq, sql } from "drizzle-orm";
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationSettings } from "../../../contract/notifications";
import type { Db } from "../../db/client";
import { notificationSettings } from "../../db/schema";
import { channelsFor } from "./notices";

export type RawNotification = {
  id: string;
  kind: NotificationKind;
  title: string;
  link: string;
  actor_name: string | null;
  read_at: string | Date | null;
  created_at: string | Date;
  unread: number;
};

/** A person's 50 latest notifications, newest first, each row carrying the count of all unread ones. */
export async function listNotifications(db: Db, personId: string): Promise<RawNotification[]> {
  const result = await db.execute<RawNotification>(sql`
        select n.id, n.kind, n.title, n.link, p.display_name as actor_name, n.read_at, n.created_at,
               (select count(*) from notifications u
                 where u.person_id = ${personId} and u.read_at is null and u.in_bell)::int as unread
          from notifications n left join people p on p.id = n.actor_id
         where n.person_id = ${personId} and n.in_bell
         order by n.created_at desc limit 50`);
  return result.rows;
}

/** A person's notification settings: the digest at all (yes until they say otherwise) and every kind's channels. */
export async function findNotificationSettings(db: Db, personId: string): Promise<NotificationSettings> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.personId, personId));
  return {
    emailDigest: row?.emailDigest ?? true,
    channels: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channelsFor(row?.channels ?? null, kind)])),
  };
}
