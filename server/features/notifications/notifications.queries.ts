import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notificationSettings } from "../../db/schema";

export type RawNotification = {
  id: string;
  kind: "mention" | "reply" | "action_item" | "visit";
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
               (select count(*) from notifications u where u.person_id = ${personId} and u.read_at is null)::int as unread
          from notifications n left join people p on p.id = n.actor_id
         where n.person_id = ${personId}
         order by n.created_at desc limit 50`);
  return result.rows;
}

/** Whether a person gets the daily email digest (yes, until they say otherwise). */
export async function findEmailDigestSetting(db: Db, personId: string): Promise<boolean> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.personId, personId));
  return row?.emailDigest ?? true;
}
