import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "../db/client";
import { outbox } from "../db/schema";
import type { JobHandler } from "../jobs/queue";

/** The full text of a message whose outbox copy has its secrets removed (see sendMail). */
function secretText(payload: Record<string, unknown>): string | undefined {
  const secret = payload.secret;
  if (secret && typeof secret === "object" && "text" in secret && typeof secret.text === "string") return secret.text;
  return undefined;
}

/** The full headers of such a message, when it had any. */
function secretHeaders(payload: Record<string, unknown>): Record<string, string> | undefined {
  const secret = payload.secret;
  if (
    secret &&
    typeof secret === "object" &&
    "headers" in secret &&
    secret.headers &&
    typeof secret.headers === "object"
  )
    return secret.headers as Record<string, string>;
  return undefined;
}

/**
 * The job that hands one outbox message to the SMTP server. Once sent, the outbox keeps only who, what
 * subject and when: the body is dropped, since the recipient's mailbox has it.
 */
export function mailDeliveryJob(smtpUrl: string, from: string): JobHandler {
  const transport = nodemailer.createTransport(smtpUrl);
  return async (db: Db, payload) => {
    const id = String(payload.outboxId);
    const [message] = await db.select().from(outbox).where(eq(outbox.id, id));
    if (!message || message.status === "sent") return;
    const text = secretText(payload) ?? message.textBody;
    try {
      const headers = secretHeaders(payload) ?? message.headers;
      await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text, headers });
      await db
        .update(outbox)
        .set({ status: "sent", sentAt: sql`now()`, error: null, textBody: "" })
        .where(eq(outbox.id, id));
    } catch (error) {
      await db
        .update(outbox)
        .set({ status: "failed", error: String(error) })
        .where(eq(outbox.id, id));
      throw error;
    }
  };
}
