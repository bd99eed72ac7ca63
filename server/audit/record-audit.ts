import type { FastifyRequest } from "fastify";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";
import type { AuditContext } from "./audit-context";

export type AuditEntry = {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  districtId?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends one entry to the audit log: who (the actor, if signed in), from where, and the request id that ties
 * it to the logs. Commands pass their AuditContext; a route may pass its request. Pass a transaction as `db` to
 * record inside it.
 */
export async function recordAudit(db: Db, who: AuditContext | FastifyRequest, entry: AuditEntry): Promise<void> {
  const context = "requestId" in who ? who : { actor: who.actor, requestId: who.id, ip: who.ip };
  await db.insert(auditLog).values({
    districtId: entry.districtId ?? context.actor?.districtId ?? null,
    actorId: context.actor?.personId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    ip: context.ip,
    requestId: context.requestId,
    // What an API token did says which token did it.
    details: context.actor?.apiToken
      ? { ...entry.details, apiTokenId: context.actor.apiToken.id }
      : (entry.details ?? null),
  });
}
