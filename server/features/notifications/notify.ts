import type { Db } from "../../db/client";
import { notifications } from "../../db/schema";

export type NewNotification = {
  districtId: string;
  personId: string;
  kind: "mention" | "reply" | "action_item" | "visit";
  title: string;
  link: string;
  actorId: string | null;
};

/** Adds notifications to people's bells (one per person, never to the one who acted). */
export async function notify(db: Db, items: NewNotification[]): Promise<void> {
  const seen = new Set<string>();
  const rows = items.filter((item) => {
    if (item.personId === item.actorId || seen.has(item.personId)) return false;
    seen.add(item.personId);
    return true;
  });
  if (rows.length) await db.insert(notifications).values(rows);
}
