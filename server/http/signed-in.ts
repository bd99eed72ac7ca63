import type { FastifyRequest } from "fastify";
import type { ActorContext, AuditContext } from "../audit/audit-context";
import { unauthorized } from "../errors";
import type { Actor } from "../policy/actor";

/**
 * The signed-in actor of a request. Deny by default (app.ts) already refused anonymous requests to every route
 * that is not public, so this only turns that guarantee into a type; on a public route it refuses with 401.
 */
export function requireActor(request: FastifyRequest): Actor {
  return request.actor ?? unauthorized();
}

/** The request as commands and the audit log see it. */
export function auditContextOf(request: FastifyRequest): AuditContext {
  return { actor: request.actor, requestId: request.id, ip: request.ip };
}

/** The request of a signed-in actor, as commands see it. */
export function actorContextOf(request: FastifyRequest): ActorContext {
  return { actor: requireActor(request), requestId: request.id, ip: request.ip };
}
