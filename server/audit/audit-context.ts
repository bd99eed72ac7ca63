import type { Actor } from "../policy/actor";

/** Who acts and from where: what a command and the audit log need to know of a request, and nothing else. */
export type AuditContext = { actor: Actor | null; requestId: string; ip: string };

/** An audit context with someone signed in. */
export type ActorContext = AuditContext & { actor: Actor };
