import { z } from "zod";
import { PageQuery, pageOf } from "./common";

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export const AuditPage = pageOf(AuditEntry);

export const AuditQuery = PageQuery.extend({
  actorId: z.uuid().optional(),
  action: z.string().trim().max(100).optional(),
  subjectType: z.string().trim().max(60).optional(),
  subjectId: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
