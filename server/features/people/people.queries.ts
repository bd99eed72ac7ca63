import { and, eq, ne, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { PeopleQuery, RoleAssignment, RoleName } from "../../../contract/people";
import type { Db } from "../../db/client";
import { districts, people, roleAssignments } from "../../db/schema";
import { STAFF_ROLES } from "../../policy/actor";

export type PersonRow = {
  id: string;
  districtId: string;
  email: string;
  displayName: string;
  status: "invited" | "active" | "deactivated";
  preferredLanguage: string;
  createdAt: Date;
  roles: { role: RoleName; schoolId: string | null; schoolName: string | null }[];
};

type RawPersonRow = {
  id: string;
  district_id: string;
  email: string;
  display_name: string;
  status: PersonRow["status"];
  preferred_language: string;
  created_at: string | Date;
  roles: PersonRow["roles"] | null;
  total?: number;
};

const rolesJson = sql`(select coalesce(json_agg(json_build_object('role', ra.role, 'schoolId', ra.school_id, 'schoolName', s.name) order by ra.role, s.name), '[]'::json)
   from role_assignments ra left join schools s on s.id = ra.school_id where ra.person_id = p.id)`;

function toPersonRow(row: RawPersonRow): PersonRow {
  return {
    id: row.id,
    districtId: row.district_id,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    preferredLanguage: row.preferred_language,
    createdAt: new Date(row.created_at),
    roles: row.roles ?? [],
  };
}

/** One person with their roles, or undefined. */
export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  const result = await db.execute<RawPersonRow>(sql`
    select p.id, p.district_id, p.email, p.display_name, p.status, p.preferred_language, p.created_at, ${rolesJson} as roles
      from people p where p.id = ${id}`);
  const row = result.rows[0];
  return row ? toPersonRow(row) : undefined;
}

const SORTS = {
  name: sql`lower(p.display_name), p.id`,
  email: sql`lower(p.email), p.id`,
  created: sql`p.created_at desc, p.id`,
} as const;

/** A page of the district's people, filtered and sorted, with the total for the pager. */
export async function listPeople(
  db: Db,
  districtId: string,
  query: z.infer<typeof PeopleQuery>,
): Promise<{ items: PersonRow[]; total: number }> {
  const filters: SQL[] = [sql`p.district_id = ${districtId}`];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(p.display_name ilike ${pattern} or p.email ilike ${pattern})`);
  }
  if (query.status) filters.push(sql`p.status = ${query.status}`);
  const staffOnly = query.staff === "true";
  if (query.role || query.schoolId || staffOnly) {
    const roleFilter = query.role ? sql`and ra.role = ${query.role}` : sql``;
    const staffFilter = staffOnly
      ? sql`and ra.role in (${sql.join(
          STAFF_ROLES.map((role) => sql`${role}`),
          sql`, `,
        )})`
      : sql``;
    const schoolFilter = query.schoolId ? sql`and ra.school_id = ${query.schoolId}` : sql``;
    filters.push(
      sql`exists (select 1 from role_assignments ra
              where ra.person_id = p.id ${roleFilter} ${staffFilter} ${schoolFilter})`,
    );
  }
  const result = await db.execute<RawPersonRow>(sql`
    select p.id, p.district_id, p.email, p.display_name, p.status, p.preferred_language, p.created_at,
           ${rolesJson} as roles, count(*) over () as total
      from people p
     where ${sql.join(filters, sql` and `)}
     order by ${SORTS[query.sort]}
     limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
  const total = result.rows[0]?.total ?? (query.page > 1 ? await countPeople(db, filters) : 0);
  return { items: result.rows.map(toPersonRow), total };
}

async function countPeople(db: Db, filters: SQL[]): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*) as n from people p where ${sql.join(filters, sql` and `)}`,
  );
  return result.rows[0]?.n ?? 0;
}

/** Whether another account already uses this email address (in any district). */
export async function isEmailTaken(db: Db, email: string, exceptId?: string): Promise<boolean> {
  const conditions = [eq(sql`lower(${people.email})`, email.toLowerCase())];
  if (exceptId) conditions.push(ne(people.id, exceptId));
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(...conditions))
    .limit(1);
  return rows.length > 0;
}

/** Replaces a person's role assignments. */
export async function replaceRoles(db: Db, person: { id: string; districtId: string }, roles: RoleAssignment[]) {
  await db.delete(roleAssignments).where(eq(roleAssignments.personId, person.id));
  const unique = new Map(roles.map((r) => [`${r.role}:${r.schoolId ?? ""}`, r]));
  await db.insert(roleAssignments).values(
    [...unique.values()].map((r) => ({
      districtId: person.districtId,
      personId: person.id,
      role: r.role,
      schoolId: r.schoolId,
    })),
  );
}

/** A person of this district with their account status, or undefined. */
export async function findPersonStatus(
  db: Db,
  districtId: string,
  personId: string,
): Promise<{ id: string; status: PersonRow["status"] } | undefined> {
  const [person] = await db
    .select({ id: people.id, status: people.status })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.districtId, districtId)));
  return person;
}

/** The district's name, as invitations address it. */
export async function findDistrictName(db: Db, districtId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: districts.name }).from(districts).where(eq(districts.id, districtId));
  return row?.name;
}
