import { type SQL, sql } from "drizzle-orm";
import { AuditPage, AuditQuery } from "../../contract/audit";
import { requireActor } from "../http/signed-in";
import { authorize } from "../policy/authorize";
import type { App } from "../types";

type AuditRow = {
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

/** The district's audit log, newest first, for district leaders. */
export async function auditRoutes(app: App) {
  app.get(
    "/audit",
    { config: { policy: "audit.read" }, schema: { querystring: AuditQuery, response: { 200: AuditPage } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "audit.read", { districtId: actor.districtId });
      const q = request.query;
      const filters: SQL[] = [sql`a.district_id = ${actor.districtId}`];
      if (q.actorId) filters.push(sql`a.actor_id = ${q.actorId}`);
      if (q.action) filters.push(sql`a.action like ${`${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
      if (q.subjectType) filters.push(sql`a.subject_type = ${q.subjectType}`);
      if (q.subjectId) filters.push(sql`a.subject_id = ${q.subjectId}`);
      if (q.from) filters.push(sql`a.at >= ${q.from}`);
      if (q.to) filters.push(sql`a.at < ${q.to}`);
      const where = sql.join(filters, sql` and `);
      const [rows, count] = await Promise.all([
        app.db.execute<AuditRow>(sql`
          select a.id, a.at, a.actor_id, p.display_name as actor_name, a.action, a.subject_type, a.subject_id,
                 host(a.ip) as ip, a.request_id, a.details
            from audit_log a left join people p on p.id = a.actor_id
           where ${where} order by a.at desc, a.id desc
           limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
        app.db.execute<{ n: number }>(sql`select count(*) as n from audit_log a where ${where}`),
      ]);
      return {
        items: rows.rows.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          ip: r.ip,
          requestId: r.request_id,
          details: r.details,
        })),
        total: count.rows[0]?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
