import type pg from "pg";

/** A user the district already holds: a student at a school, or a person with the roles they have. */
export type ExistingUser = { kind: "student"; schoolId: string | null } | { kind: "person"; isFamily: boolean };

/**
 * The district's own students and people among `sourcedIds`, in two queries. In OneRoster 1.2 a user's role
 * lives in roles.csv, which a delta carries only for the roles that changed: a user row without roles there
 * keeps what the district already knows of them.
 */
export async function lookUpExistingUsers(
  client: pg.PoolClient,
  districtId: string,
  sourcedIds: string[],
): Promise<Map<string, ExistingUser>> {
  const existing = new Map<string, ExistingUser>();
  if (sourcedIds.length === 0) return existing;
  const students = await client.query<{ sourced_id: string; school_id: string | null }>(
    "select sourced_id, school_id from students where district_id = $1 and sourced_id = any($2::text[])",
    [districtId, sourcedIds],
  );
  for (const row of students.rows) existing.set(row.sourced_id, { kind: "student", schoolId: row.school_id });
  const people = await client.query<{ sourced_id: string; is_family: boolean }>(
    `select p.sourced_id,
            exists (select 1 from role_assignments r where r.person_id = p.id and r.role = 'family_member') as is_family
       from people p where p.district_id = $1 and p.sourced_id = any($2::text[])`,
    [districtId, sourcedIds],
  );
  for (const row of people.rows) existing.set(row.sourced_id, { kind: "person", isFamily: row.is_family });
  return existing;
}
