import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../server/db/client";

// Weighted like a real district's log: sign-ins dominate, administrative changes are rare.
const ACTIONS = [
  ...Array<string>(8).fill("auth.signed_in"),
  ...Array<string>(3).fill("auth.signed_out"),
  "auth.sign_in_failed",
  "auth.password_changed",
  "auth.session_revoked",
  "person.created",
  "person.updated",
  "person.invited",
  "person.deactivated",
  "school.created",
  "school.updated",
];

/**
 * Appends `rows` audit entries spread over the last year to one district, with `staff` people as actors.
 * Deterministic: every value is derived from the row number, so each run reports on the same data.
 */
export async function generateAuditLog(db: Db, districtId: string, rows: number, staff = 150): Promise<void> {
  await db.execute(sql`
    insert into people (district_id, email, display_name, status)
    select ${districtId}, 'staff' || i || '.' || left(${districtId}, 8) || '@bench.example', 'Staff Member ' || i, 'active'
      from generate_series(1, ${staff}) i`);
  const actions = sql.raw(`array[${ACTIONS.map((a) => `'${a}'`).join(", ")}]`);
  await db.execute(sql`
    insert into audit_log (district_id, actor_id, action, subject_type, subject_id, ip, request_id, details, at)
    select ${districtId},
           staff.ids[(1 + i * 7919 % array_length(staff.ids, 1))::int],
           action,
           split_part(action, '.', 1),
           (i * 104729 % 5000)::text,
           ('10.0.' || (i % 250) || '.' || (i * 13 % 250))::inet,
           md5(i::text),
           jsonb_build_object('userAgent', 'Mozilla/5.0 bench', 'n', i),
           now() - (i % 365)::int * interval '1 day' - (i * 7877 % 86400)::int * interval '1 second'
      from generate_series(1, ${rows}::bigint) i
     cross join (select array_agg(id order by id) as ids from people where district_id = ${districtId}) staff
     cross join lateral (select (${actions})[(1 + i * 31 % ${ACTIONS.length})::int] as action) pick`);
  await db.execute(sql`analyze audit_log`);
}

export type Report = { name: string; query: (districtId: string) => SQL };

/** Report-like aggregations a district leader's activity dashboard would run over the audit log. */
export const REPORTS: Report[] = [
  {
    name: "daily activity, 90 days",
    query: (districtId) => sql`
      select date_trunc('day', at) as day, count(*) as events, count(distinct actor_id) as active_people
        from audit_log where district_id = ${districtId} and at >= now() - interval '90 days'
       group by 1 order by 1`,
  },
  {
    name: "top actors, 30 days",
    query: (districtId) => sql`
      select p.display_name, count(*) as events, max(a.at) as last_seen
        from audit_log a join people p on p.id = a.actor_id
       where a.district_id = ${districtId} and a.at >= now() - interval '30 days'
       group by p.id, p.display_name order by events desc limit 20`,
  },
  {
    name: "weekly action mix, 1 year",
    query: (districtId) => sql`
      select date_trunc('week', at) as week, action, count(*) as events
        from audit_log where district_id = ${districtId} and at >= now() - interval '365 days'
       group by 1, 2 order by 1, 2`,
  },
  {
    name: "sign-ins by weekday and hour, 180 days",
    query: (districtId) => sql`
      select extract(isodow from at) as weekday, extract(hour from at) as hour, count(*) as sign_ins
        from audit_log
       where district_id = ${districtId} and action = 'auth.signed_in' and at >= now() - interval '180 days'
       group by 1, 2 order by 1, 2`,
  },
];
