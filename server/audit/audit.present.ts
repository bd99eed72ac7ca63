import type { z } from "zod";
import type { AuditEntry } from "../../contract/audit";
import type { AuditRow } from "./audit.queries";

/** An audit-log row as the audit page shows it. */
export function presentAuditEntry(row: AuditRow): z.infer<typeof AuditEntry> {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    ip: row.ip,
    requestId: row.request_id,
    details: row.details,
  };
}
