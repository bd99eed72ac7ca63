import type { z } from "zod";
import type { NotificationList } from "../../../contract/notifications";
import type { RawNotification } from "./notifications.queries";

/** The bell's list and its unread count. */
export function presentNotifications(rows: RawNotification[]): z.infer<typeof NotificationList> {
  return {
    unread: rows[0]?.unread ?? 0,
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      link: n.link,
      actorName: n.actor_name,
      read: n.read_at !== null,
      createdAt: new Date(n.created_at).toISOString(),
    })),
  };
}
