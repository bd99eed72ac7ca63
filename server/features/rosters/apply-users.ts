import type { ApplyContext } from "./apply-organization";
import { idOf, type PersonPlan } from "./roster-plan";
import { archiveRemoved, batches, countOf, importedNotIn, upsertBySourcedId } from "./sql-batch";
import { PLACEHOLDER_DOMAIN } from "./validate-users";

/** Students, people (teachers, staff, leaders, family members) with their roles, and family links. */
export async function applyUsers(a: ApplyContext): Promise<void> {
  const { client, districtId, plan, ids, counts, tick } = a;
  const students = countOf(counts, "students");
  await upsertBySourcedId(client, {
    table: "students",
    districtId,
    rows: plan.students,
    sourcedId: (s) => s.row.sourcedId,
    statement: `insert into students (district_id, sourced_id, school_id, given_name, family_name, preferred_name, grade,
        identifier, email)
      select $1, u.* from unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
        u(sid, school, given, family, preferred, grade, identifier, email)
      on conflict (district_id, sourced_id) do update set school_id = excluded.school_id, given_name = excluded.given_name,
        family_name = excluded.family_name, preferred_name = excluded.preferred_name, grade = excluded.grade,
        identifier = excluded.identifier, email = excluded.email, archived_at = null, updated_at = now()
      where (students.school_id, students.given_name, students.family_name, students.preferred_name, students.grade,
             students.identifier, students.email, students.archived_at)
        is distinct from (excluded.school_id, excluded.given_name, excluded.family_name, excluded.preferred_name,
             excluded.grade, excluded.identifier, excluded.email, null)
      returning id, sourced_id, (xmax = 0) as inserted`,
    params: (batch) => [
      districtId,
      batch.map((s) => s.row.sourcedId),
      batch.map((s) => idOf(ids.schools, s.schoolSourcedId)),
      batch.map((s) => s.row.givenName),
      batch.map((s) => s.row.familyName),
      batch.map((s) => s.row.preferredGivenName),
      batch.map((s) => s.grade),
      batch.map((s) => s.row.identifier),
      batch.map((s) => s.row.email),
    ],
    count: students,
    tick,
    ids: ids.students,
  });
  const userKeep = plan.bulk.has("users")
    ? { keep: [...plan.students.map((s) => s.row.sourcedId), ...plan.people.map((p) => p.row.sourcedId)] }
    : {};
  students.deleted += await archiveRemoved(client, "students", districtId, {
    deleted: plan.deleted.users,
    ...userKeep,
  });

  await applyPeople(a);
  await removePeople(a, userKeep.keep);
  await applyFamilyLinks(a);
}

/** Guardians are counted apart from staff: family members with no staff role. */
function isGuardian(person: PersonPlan): boolean {
  return person.isFamily && person.roles.every((r) => r.role === "family_member");
}

async function applyPeople({ client, districtId, plan, ids, counts, tick }: ApplyContext): Promise<void> {
  const staff = countOf(counts, "staff");
  const guardians = countOf(counts, "guardians");
  const matched = plan.people.filter((p) => p.matchId !== null);
  for (const batch of batches(matched)) {
    await client.query(
      `update people p set sourced_id = u.sid, display_name = u.name, updated_at = now()
         from unnest($1::uuid[], $2::text[], $3::text[]) u(id, sid, name) where p.id = u.id`,
      [batch.map((p) => p.matchId), batch.map((p) => p.row.sourcedId), batch.map((p) => p.displayName)],
    );
    for (const person of batch) {
      ids.people.set(person.row.sourcedId, person.matchId as string);
      (isGuardian(person) ? guardians : staff).updated += 1;
    }
  }
  // New people are invited: they sign in only once someone sends the invitation from the people page. A known
  // person's email is the SIS's word, unless the row has none (a placeholder): then they keep the one they have.
  const fresh = plan.people.filter((p) => p.matchId === null);
  for (const [count, rows] of [
    [staff, fresh.filter((p) => !isGuardian(p))],
    [guardians, fresh.filter((p) => isGuardian(p))],
  ] as const) {
    await upsertBySourcedId(client, {
      table: "people",
      districtId,
      rows,
      sourcedId: (p) => p.row.sourcedId,
      statement: `insert into people (district_id, sourced_id, email, display_name, status)
        select $1, u.sid, u.email, u.name, 'invited' from unnest($2::text[], $3::text[], $4::text[]) u(sid, email, name)
        on conflict (district_id, sourced_id) do update set display_name = excluded.display_name,
          email = case when excluded.email like '%${PLACEHOLDER_DOMAIN}' then people.email else excluded.email end,
          updated_at = now()
          where (people.display_name, lower(people.email)) is distinct from (excluded.display_name,
            case when excluded.email like '%${PLACEHOLDER_DOMAIN}' then lower(people.email) else excluded.email end)
        returning id, sourced_id, (xmax = 0) as inserted`,
      params: (batch) => [
        districtId,
        batch.map((p) => p.row.sourcedId),
        batch.map((p) => p.email),
        batch.map((p) => p.displayName),
      ],
      count,
      tick,
      ids: ids.people,
    });
  }

  const roles = plan.people.flatMap((p) =>
    p.roles.map((r) => ({
      personId: ids.people.get(p.row.sourcedId),
      role: r.role,
      schoolId: idOf(ids.schools, r.schoolSourcedId),
    })),
  );
  const roleCount = countOf(counts, "roleAssignments");
  for (const batch of batches(roles.filter((r) => r.personId && (r.schoolId || r.role === "district_leader")))) {
    const result = await client.query(
      `insert into role_assignments (district_id, person_id, role, school_id)
       select $1, u.person, u.role::role_name, u.school from unnest($2::uuid[], $3::text[], $4::uuid[]) u(person, role, school)
       on conflict do nothing`,
      [districtId, batch.map((r) => r.personId), batch.map((r) => r.role), batch.map((r) => r.schoolId)],
    );
    roleCount.created += result.rowCount ?? 0;
  }
}

/**
 * People a file removes (tobedeleted, or missing from a bulk users file) lose what the roster gave them:
 * their classes and family links. Someone who never accepted the invitation is deactivated; an account in use
 * is left to the people page.
 */
async function removePeople({ client, districtId, plan, counts }: ApplyContext, keep?: string[]): Promise<void> {
  const removedSids = [...plan.deleted.users];
  if (keep) {
    const query = "select sourced_id from people where district_id = $1 and sourced_id is not null";
    removedSids.push(...(await importedNotIn(client, query, [districtId], keep)));
  }
  if (removedSids.length === 0) return;
  const { rows } = await client.query<{ id: string }>(
    "select id from people where district_id = $1 and sourced_id = any($2::text[])",
    [districtId, removedSids],
  );
  const removed = new Set(rows.map((row) => row.id));
  if (removed.size === 0) return;
  const personIds = [...removed];
  await client.query("delete from class_teachers where person_id = any($1::uuid[])", [personIds]);
  await client.query("delete from family_links where person_id = any($1::uuid[])", [personIds]);
  const result = await client.query(
    `update people set status = 'deactivated', updated_at = now() where id = any($1::uuid[]) and status = 'invited'`,
    [personIds],
  );
  countOf(counts, "staff").deleted += result.rowCount ?? 0;
}

async function applyFamilyLinks({ client, districtId, plan, ids, counts }: ApplyContext): Promise<void> {
  const links = plan.familyLinks.flatMap((l) => {
    const personId = ids.people.get(l.guardianSid) ?? null;
    const studentId = ids.students.get(l.studentSid) ?? null;
    return personId && studentId ? [{ personId, studentId, relationship: l.relationship }] : [];
  });
  const count = countOf(counts, "familyLinks");
  for (const batch of batches(links)) {
    const result = await client.query(
      `insert into family_links (district_id, person_id, student_id, relationship)
       select $1, u.* from unnest($2::uuid[], $3::uuid[], $4::text[]) u(person, student, relationship)
       on conflict (person_id, student_id) do nothing`,
      [districtId, batch.map((l) => l.personId), batch.map((l) => l.studentId), batch.map((l) => l.relationship)],
    );
    count.created += result.rowCount ?? 0;
  }
}
