import type { AuditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { sendMail } from "../mail/send-mail";
import { issueAccountToken } from "./account-tokens";

/** Issues a reset link for an active account and emails it to its owner, with the audit entry. */
export async function requestPasswordReset(
  db: Db,
  context: AuditContext,
  person: { id: string; districtId: string; email: string; displayName: string },
  mail: { baseUrl: string; smtpConfigured: boolean },
): Promise<void> {
  const { token } = await issueAccountToken(db, "password_reset", person, null);
  const link = `${mail.baseUrl}/reset-password/${token}`;
  await sendMail(
    db,
    {
      districtId: person.districtId,
      to: person.email,
      subject: "Reset your Collective password",
      text: `Hello ${person.displayName},\n\nSomeone asked to reset the password of your Collective account. If it was you, open this link within an hour:\n\n${link}\n\nIf it was not you, ignore this email; your password stays as it is.`,
      secrets: [link],
    },
    { smtpConfigured: mail.smtpConfigured },
  );
  await recordAudit(db, context, {
    action: "auth.password_reset_requested",
    subjectType: "person",
    subjectId: person.id,
    districtId: person.districtId,
  });
}
