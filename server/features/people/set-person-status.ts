import { eq, sql } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { revokeAllSessions } from "../../auth/sessions";
import type { Db } from "../../db/client";
import { people } from "../../db/schema";

/** Deactivates a person (signing them out everywhere) or brings them back. */
export async function setPersonStatus(
  db: Db,
  context: ActorContext,
  personId: string,
  status: "deactivated" | "active",
): Promise<void> {
  await db.transaction(async (tx) => {
    // Reactivating someone who never set a password puts them back to "invited".
    const next =
      status === "active"
        ? sql`case when password_hash is null then 'invited'::person_status else 'active'::person_status end`
        : sql`'deactivated'::person_status`;
    await tx.update(people).set({ status: next, updatedAt: sql`now()` }).where(eq(people.id, personId));
    if (status === "deactivated") await revokeAllSessions(tx, personId);
    await recordAudit(tx, context, { action: `person.${status}`, subjectType: "person", subjectId: personId });
  });
}
