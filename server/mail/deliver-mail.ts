import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "../db/client";
import { outbox } from "../db/schema";
import type { JobHandler } from "../jobs/queue";

/** The job that hands one outbox message to the SMTP server. */
export function mailDeliveryJob(smtpUrl: string, from: string): JobHandler {
  const transport = nodemailer.createTransport(smtpUrl);
  return async (db: Db, payload) => {
    const id = String(payload.outboxId);
    const [message] = await db.select().from(outbox).where(eq(outbox.id, id));
    if (!message || message.status === "sent") return;
    try {
      await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.textBody });
      await db.update(outbox).set({ status: "sent", sentAt: sql`now()`, error: null }).where(eq(outbox.id, id));
    } catch (error) {
      await db
        .update(outbox)
        .set({ status: "failed", error: String(error) })
        .where(eq(outbox.id, id));
      throw error;
    }
  };
}
