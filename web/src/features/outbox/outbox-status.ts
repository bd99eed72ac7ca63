import { z } from "zod";
import type { OutboxMessage } from "../../../../contract/outbox";

type Status = z.infer<typeof OutboxMessage>["status"];

export const STATUS_LABELS: Record<Status, string> = {
  held: "Held (no mail server)",
  queued: "Queued",
  sent: "Sent",
  failed: "Failed",
};

/** The outbox's search and paging, kept in the address. */
export const OutboxSearch = z.object({
  q: z.string().optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
});
