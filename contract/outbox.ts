import { z } from "zod";
import { PageQuery, pageOf } from "./common";

export const OutboxMessage = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  status: z.enum(["held", "queued", "sent", "failed"]),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const OutboxPage = pageOf(OutboxMessage);
export const OutboxQuery = PageQuery.extend({ q: z.string().trim().max(200).optional() });
