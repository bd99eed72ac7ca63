import { and, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { SchoolsQuery } from "../../../contract/schools";
import type { Db } from "../../db/client";
import { schools } from "../../db/schema";

export type SchoolRow = {
  id: string;
  districtId: string;
  name: string;
  level: "elementary" | "middle" | "high" | "k12" | "other";
  archived: boolean;
  staffCount: number;
};

type RawSchoolRow = {
  id: string;
  district_id: string;
  name: string;
  level: SchoolRow["level"];
  archived: boolean;
  staff_count: number;
  total?: number;
};

const columns = sql`s.id, s.district_id, s.name, s.level, s.archived_at is not null as archived,
  (select count(distinct ra.person_id) from role_assignments ra join people p on p.id = ra.person_id
    where ra.school_id = s.id and p.status <> 'deactivated'
      and ra.role in ('school_leader', 'coach', 'teacher', 'support_staff'))::int as staff_count`;

function toSchoolRow(row: RawSchoolRow): SchoolRow {
  return {
    id: row.id,
    districtId: row.district_id,
    name: row.name,
    level: row.level,
    archived: row.archived,
    staffCount: row.staff_count,
  };
}

/** One school, or undefined. */
export async function findSchool(db: Db, id: string): Promise<SchoolRow | undefined> {
  const result = await db.execute<RawSchoolRow>(sql`select ${columns} from schools s where s.id = ${id}`);
  const row = result.rows[0];
  return row ? toSchoolRow(row) : undefined;
}

/** A page of the district's schools by name. */
export async function listSchools(
  db: Db,
  districtId: string,
  query: z.infer<typeof SchoolsQuery>,
): Promise<{ items: SchoolRow[]; total: number }> {
  const filters: SQL[] = [sql`s.district_id = ${districtId}`];
  if (query.includeArchived === "false") filters.push(sql`s.archived_at is null`);
  if (query.q) filters.push(sql`s.name ilike ${`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const where = sql.join(filters, sql` and `);
  const [result, count] = await Promise.all([
    db.execute<RawSchoolRow>(sql`select ${columns} from schools s where ${where}
      order by lower(s.name), s.id limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*) as n from schools s where ${where}`),
  ]);
  return { items: result.rows.map(toSchoolRow), total: count.rows[0]?.n ?? 0 };
}

/** The ids among `schoolIds` that are schools of this district. */
export async function schoolsInDistrict(db: Db, districtId: string, schoolIds: string[]): Promise<Set<string>> {
  if (schoolIds.length === 0) return new Set();
  const rows = await db
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.districtId, districtId), inArray(schools.id, schoolIds)));
  return new Set(rows.map((r) => r.id));
}

/** Whether another school of the district already has this name (in any case). */
export async function isSchoolNameTaken(db: Db, districtId: string, name: string, exceptId?: string): Promise<boolean> {
  const conditions = [eq(schools.districtId, districtId), eq(sql`lower(${schools.name})`, name.toLowerCase())];
  if (exceptId) conditions.push(ne(schools.id, exceptId));
  const rows = await db
    .select({ id: schools.id })
    .from(schools)
    .where(and(...conditions))
    .limit(1);
  return rows.length > 0;
}
