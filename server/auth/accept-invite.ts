import { and, eq, ne, sql } from "drizzle-orm";
import type { AuditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { people } from "../db/schema";
import { notFound } from "../errors";
import { useAccountToken } from "./account-tokens";

/** Uses an invitation to set the invitee's password and activate them, in one transaction; returns the person. */
export async function acceptInvite(
  db: Db,
  context: AuditContext,
  token: { id: string; personId: string },
  passwordHash: string,
) {
  return db.transaction(async (tx) => {
    if (!(await useAccountToken(tx, token.id))) notFound("invitation (it may have expired or been used)");
    const [updated] = await tx
      .update(people)
      .set({ passwordHash, status: "active", updatedAt: sql`now()` })
      .where(and(eq(people.id, token.personId), ne(people.status, "deactivated")))
      .returning();
    // A deactivated person's invitation is refused whole: the token stays unused as the rollback leaves it.
    if (!updated) notFound("invitation");
    await recordAudit(tx, context, {
      action: "person.invite_accepted",
      subjectType: "person",
      subjectId: updated.id,
      districtId: updated.districtId,
    });
    return updated;
  });
}
