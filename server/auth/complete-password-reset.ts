import type { AuditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { useAccountToken } from "./account-tokens";
import { revokeAllSessions } from "./sessions";
import { setPasswordHash } from "./set-password";

/**
 * Uses a reset link to set a new password and end every session of its owner, in one transaction.
 * False when another request used the link first (nothing changed).
 */
export async function completePasswordReset(
  db: Db,
  context: AuditContext,
  token: { id: string; personId: string; districtId: string },
  passwordHash: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await useAccountToken(tx, token.id))) return false;
    await setPasswordHash(tx, token.personId, passwordHash);
    await revokeAllSessions(tx, token.personId);
    await recordAudit(tx, context, {
      action: "auth.password_reset",
      subjectType: "person",
      subjectId: token.personId,
      districtId: token.districtId,
    });
    return true;
  });
}
