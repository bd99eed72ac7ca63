import { eq, sql } from "drizzle-orm";
import type { ActorContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { people } from "../db/schema";

/** Saves the language the actor reads Collective in, with the audit entry. */
export async function setPreferredLanguage(
  db: Db,
  context: ActorContext,
  preferredLanguage: (typeof people.$inferSelect)["preferredLanguage"],
): Promise<void> {
  const { actor } = context;
  await db.transaction(async (tx) => {
    await tx.update(people).set({ preferredLanguage, updatedAt: sql`now()` }).where(eq(people.id, actor.personId));
    await recordAudit(tx, context, {
      action: "person.language_changed",
      subjectType: "person",
      subjectId: actor.personId,
      details: { preferredLanguage },
    });
  });
}
