import { z } from "zod";

/**
 * What a notice is about. The first four come from people's work (a mention, a reply, an item assigned, a visit);
 * the others close the loop: a family note arrives, an action item is due tomorrow or overdue, a meeting starts
 * soon, a decision rule fires on a plan, the team answers a family's note, a child's plan starts or changes, a student of mine is still not responded to.
 */
export const NOTIFICATION_KINDS = [
  "mention",
  "reply",
  "action_item",
  "visit",
  "family_note",
  "action_item_due",
  "action_item_overdue",
  "meeting_soon",
  "decision_rule",
  "family_reply",
  "plan_change",
  "not_responded",
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** How a notice reaches a person: the bell, an email at once, the daily digest. */
export const Channels = z.strictObject({ bell: z.boolean(), email: z.boolean(), digest: z.boolean() });
export type Channels = z.infer<typeof Channels>;

/** Each kind's channels until the person chooses: what needs acting on soon comes by email too. */
export const DEFAULT_CHANNELS: Record<NotificationKind, Channels> = {
  mention: { bell: true, email: false, digest: true },
  reply: { bell: true, email: false, digest: true },
  action_item: { bell: true, email: false, digest: true },
  visit: { bell: true, email: false, digest: true },
  family_note: { bell: true, email: true, digest: false },
  action_item_due: { bell: true, email: false, digest: true },
  action_item_overdue: { bell: true, email: false, digest: true },
  meeting_soon: { bell: true, email: true, digest: false },
  decision_rule: { bell: true, email: true, digest: false },
  family_reply: { bell: true, email: true, digest: false },
  plan_change: { bell: true, email: true, digest: false },
  not_responded: { bell: true, email: false, digest: true },
};

export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
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

/** The daily digest at all, and each kind's channels (kinds not named keep their defaults). */
export const NotificationSettings = z.strictObject({
  emailDigest: z.boolean(),
  channels: z.partialRecord(NotificationKind, Channels).optional(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** RFC 8058 one-click unsubscribe: the mail client posts this body to the List-Unsubscribe address. */
export const UnsubscribeQuery = z.strictObject({ token: z.string().min(20).max(200), kind: NotificationKind });
