import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AuditQuery } from "../../contract/audit";
import type { Db } from "../db/client";

export type AuditRow = {
  id: number;
  at: string | Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown> | null;
};

/** A page of one district's audit log, newest first, with how many entries match; `action` matches as a prefix. */
export async function listAuditEntries(db: Db, districtId: string, query: z.infer<typeof AuditQuery>) {
  const filters: SQL[] = [sql`a.district_id = ${districtId}`];
  if (query.actorId) filters.push(sql`a.actor_id = ${query.actorId}`);
  if (query.action) filters.push(sql`a.action like ${`${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (query.subjectType) filters.push(sql`a.subject_type = ${query.subjectType}`);
  if (query.subjectId) filters.push(sql`a.subject_id = ${query.subjectId}`);
  if (query.from) filters.push(sql`a.at >= ${query.from}`);
  if (query.to) filters.push(sql`a.at < ${query.to}`);
  const where = sql.join(filters, sql` and `);
  const [rows, count] = await Promise.all([
    db.execute<AuditRow>(sql`
      select a.id, a.at, a.actor_id, p.display_name as actor_name, a.action, a.subject_type, a.subject_id,
             host(a.ip) as ip, a.request_id, a.details
        from audit_log a left join people p on p.id = a.actor_id
       where ${where} order by a.at desc, a.id desc
       limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*) as n from audit_log a where ${where}`),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}
