import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MarkReadInput } from "../../../contract/notifications";
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

/** Saves whether the actor gets the daily email digest. */
export async function saveEmailDigestSetting(db: Db, actor: Actor, emailDigest: boolean): Promise<void> {
  await db
    .insert(notificationSettings)
    .values({ personId: actor.personId, districtId: actor.districtId, emailDigest })
    .onConflictDoUpdate({ target: notificationSettings.personId, set: { emailDigest } });
}
