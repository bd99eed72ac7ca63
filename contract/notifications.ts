import { z } from "zod";

export const Notification = z.object({
  id: z.uuid(),
  kind: z.enum(["mention", "reply", "action_item", "visit"]),
  title: z.string(),
  link: z.string(),
  actorName: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export const MarkReadInput = z.strictObject({
  ids: z.array(z.uuid()).max(500).optional(),
  all: z.boolean().optional(),
});
export const NotificationSettings = z.strictObject({ emailDigest: z.boolean() });
