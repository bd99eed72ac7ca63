import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { issueAccountToken } from "../../auth/account-tokens";
import { type Config, publicBaseUrl } from "../../config";
import type { Db } from "../../db/client";
import { sendMail } from "../../mail/send-mail";

/** Emails a person a link to set their password and join; earlier invitation links stop working. */
export async function invitePerson(
  db: Db,
  config: Config,
  context: AuditContext,
  person: { id: string; districtId: string; email: string; displayName: string },
  districtName: string,
): Promise<{ expiresAt: Date }> {
  const inviter = context.actor?.displayName ?? "Your district";
  const { token, expiresAt } = await issueAccountToken(db, "invite", person, context.actor?.personId ?? null);
  const link = `${publicBaseUrl(config)}/invite/${token}`;
  await sendMail(
    db,
    {
      districtId: person.districtId,
      to: person.email,
      subject: `You are invited to Collective (${districtName})`,
      text: `Hello ${person.displayName},\n\n${inviter} invited you to Collective, where ${districtName}'s learning communities work together.\n\nSet your password and sign in here (the link works for 7 days):\n\n${link}\n`,
      secrets: [link],
    },
    { smtpConfigured: Boolean(config.smtpUrl) },
  );
  await recordAudit(db, context, {
    action: "person.invited",
    subjectType: "person",
    subjectId: person.id,
    districtId: person.districtId,
  });
  return { expiresAt };
}
