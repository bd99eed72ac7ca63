import type { Db } from "../db/client";
import { outbox } from "../db/schema";
import { enqueueJob } from "../jobs/queue";

export type Mail = {
  districtId: string | null;
  to: string;
  subject: string;
  text: string;
  /** Parts of the text (and headers) only the recipient may read (a link carrying an invite or reset token). */
  secrets?: string[];
  /** Extra headers (a notice's List-Unsubscribe and List-Unsubscribe-Post, RFC 8058). */
  headers?: Record<string, string>;
};

/** What the outbox shows in place of a secret: leaders read the outbox, and a token there is a takeover. */
export const REDACTED = "[link sent only to the recipient]";

// Invite and reset links of messages written before secrets were kept out of the outbox.
const TOKEN_LINK = /\S*\/(?:invite|reset-password)\/[\w-]{16,}/g;

/** The text as the outbox may keep and show it: without secrets, nor any invite or reset link. */
export function redactSecrets(text: string, secrets: string[] = []): string {
  let redacted = text;
  for (const secret of secrets) if (secret) redacted = redacted.replaceAll(secret, REDACTED);
  return redacted.replace(TOKEN_LINK, REDACTED);
}

/**
 * Records an email in the outbox, and queues its SMTP delivery when SMTP is configured. Without SMTP
 * (development, tests, a district trying Collective out) the message is held for leaders to read in the app.
 * The outbox keeps the text without its secrets; the full text rides only in the delivery job's `secret`,
 * which the job queue removes once the job is done. Without SMTP, a secret is therefore kept nowhere.
 */
export async function sendMail(db: Db, mail: Mail, options: { smtpConfigured: boolean }): Promise<string> {
  const stored = redactSecrets(mail.text, mail.secrets);
  const headers = mail.headers ?? {};
  const storedHeaders = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, redactSecrets(value, mail.secrets)]),
  );
  const hidden = stored !== mail.text || JSON.stringify(storedHeaders) !== JSON.stringify(headers);
  const [row] = await db
    .insert(outbox)
    .values({
      districtId: mail.districtId,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: stored,
      headers: storedHeaders,
      status: options.smtpConfigured ? "queued" : "held",
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error("outbox insert returned nothing");
  if (options.smtpConfigured) {
    await enqueueJob(db, "mail.deliver", {
      outboxId: row.id,
      ...(hidden ? { secret: { text: mail.text, headers } } : {}),
    });
  }
  return row.id;
}
