import type { FastifyRequest } from "fastify";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";

export type AuditEntry = {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  districtId?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends one entry to the audit log for this request: who (the actor, if signed in), from where, and
 * the request id that ties it to the logs. Pass a transaction as `db` to record inside it.
 */
export async function recordAudit(db: Db, request: FastifyRequest, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    districtId: entry.districtId ?? request.actor?.districtId ?? null,
    actorId: request.actor?.personId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    ip: request.ip,
    requestId: request.id,
    details: entry.details ?? null,
  });
}
