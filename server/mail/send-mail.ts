import type { Db } from "../db/client";
import { outbox } from "../db/schema";
import { enqueueJob } from "../jobs/queue";

export type Mail = { districtId: string | null; to: string; subject: string; text: string };

/**
 * Records an email in the outbox, and queues its SMTP delivery when SMTP is configured. Without SMTP
 * (development, tests, a district trying Collective out) the message is held for leaders to read in the app.
 */
export async function sendMail(db: Db, mail: Mail, options: { smtpConfigured: boolean }): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values({
      districtId: mail.districtId,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      status: options.smtpConfigured ? "queued" : "held",
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error("outbox insert returned nothing");
  if (options.smtpConfigured) await enqueueJob(db, "mail.deliver", { outboxId: row.id });
  return row.id;
}
