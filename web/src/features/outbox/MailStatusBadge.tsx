import type { z } from "zod";
import type { OutboxMessage } from "../../../../contract/outbox";
import styles from "./MailStatusBadge.module.css";
import { STATUS_LABELS } from "./outbox-status";

/** An email's delivery status as a badge in its colour. */
export function MailStatusBadge({ status }: { status: z.infer<typeof OutboxMessage>["status"] }) {
  return <span className={`badge ${styles[status]}`}>{STATUS_LABELS[status]}</span>;
}
