import type { OutboxRow } from "./outbox.queries";
import { redactSecrets } from "./send-mail";

/** An outbox message as leaders see it: any sign-in link in its text redacted again. */
export function presentOutboxMessage(row: OutboxRow) {
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    textBody: redactSecrets(row.textBody),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
