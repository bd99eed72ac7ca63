import type { ActorContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { revokeAllSessions } from "./sessions";
import { setPasswordHash } from "./set-password";

/** Sets the actor's new password and ends their other sessions, with the audit entry, in one transaction. */
export async function changePassword(db: Db, context: ActorContext, passwordHash: string): Promise<void> {
  const { actor } = context;
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, actor.personId, passwordHash);
    // A changed password ends every other session: whoever knew the old one is signed out.
    await revokeAllSessions(tx, actor.personId, actor.sessionId);
    await recordAudit(tx, context, {
      action: "auth.password_changed",
      subjectType: "person",
      subjectId: actor.personId,
    });
  });
}
