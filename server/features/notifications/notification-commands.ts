import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MarkReadInput, NotificationKind, NotificationSettings } from "../../../contract/notifications";
import type { Db } from "../../db/client";
import { notificationSettings, notifications } from "../../db/schema";
import type { Actor } from "../../policy/actor";

/** Marks some of a person's unread notifications read, or all of them. */
export async function markNotificationsRead(
  db: Db,
  personId: string,
  input: z.infer<typeof MarkReadInput>,
): Promise<void> {
  const conditions = [eq(notifications.personId, personId), isNull(notifications.readAt)];
  // No ids means none: a placeholder id that matches nothing keeps the statement the same shape.
  if (!input.all)
    conditions.push(
      inArray(notifications.id, input.ids?.length ? input.ids : ["00000000-0000-4000-8000-000000000000"]),
    );
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(...conditions));
}

/** Saves whether the actor gets the daily email digest, and the channels of the kinds they name. */
export async function saveNotificationSettings(
  db: Db,
  actor: Actor,
  settings: z.infer<typeof NotificationSettings>,
): Promise<void> {
  const channels = settings.channels ?? {};
  await db
    .insert(notificationSettings)
    .values({ personId: actor.personId, districtId: actor.districtId, emailDigest: settings.emailDigest, channels })
    .onConflictDoUpdate({
      target: notificationSettings.personId,
      set: {
        emailDigest: settings.emailDigest,
        channels: sql`${notificationSettings.channels} || ${JSON.stringify(channels)}::jsonb`,
      },
    });
}

/**
 * One-click unsubscribe (RFC 8058): the person whose email carried this token gets no more email of this kind,
 * neither at once nor in the digest (the bell keeps it). False when no one has that token.
 */
export async function unsubscribe(db: Db, token: string, kind: NotificationKind): Promise<boolean> {
  const result = await db.execute<{ person_id: string }>(sql`
    update notification_settings
       set channels = channels || jsonb_build_object(${kind}::text, jsonb_build_object(
             'bell', coalesce((channels -> ${kind}::text ->> 'bell')::boolean, true), 'email', false, 'digest', false))
     where unsubscribe_token = ${token}
    returning person_id`);
  return result.rows.length > 0;
}
