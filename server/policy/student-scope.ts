import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { uuidArray } from "../db/sql-arrays";
import { type Actor, isDistrictLeader, isStaff, STAFF_ROLES, schoolsLed } from "./actor";
import { SHARING_KINDS, type StudentTarget } from "./rules";

/*
 * The SQL side of "student.read" (rules.ts). Every list or bulk read of student-level data selects from
 * visibleStudentIds(actor); student-scope.test.ts checks that it admits exactly the students the rule does.
 */

const sharingKinds = sql.join(
  SHARING_KINDS.map((kind) => sql`${kind}`),
  sql`, `,
);

/**
 * Who shares their classes' students with which team (TeamShare in rules.ts): non-guest members who chose to
 * (shares_students), in unarchived teams whose kind shares students or where a leader approved sharing.
 */
const sharingMembers = sql`
  select m.community_id, m.person_id
  from community_members m
  join communities c on c.id = m.community_id and c.archived_at is null
  where m.team_role <> 'guest' and m.shares_students
    and (c.kind::text in (${sharingKinds}) or c.student_sharing_approved_at is not null)`;

/** The schools where the actor holds a staff role: team-shared students are read only at those schools. */
function staffSchoolIds(actor: Actor): string[] {
  return [
    ...new Set(actor.roles.filter((r) => r.schoolId && STAFF_ROLES.includes(r.role)).map((r) => r.schoolId as string)),
  ];
}

/** Whether the actor may read every student of their district (a district leader on the staff). */
export function seesEveryStudent(actor: Actor): boolean {
  return isStaff(actor) && isDistrictLeader(actor);
}

/**
 * A subquery selecting the ids of the students the actor may read: the district's for district leaders,
 * their schools' for school leaders, their classes' and those their teams share with them (at schools they work at) for staff, their own children for family.
 */
export function visibleStudentIds(actor: Actor): SQL {
  const districtId = actor.districtId;
  if (seesEveryStudent(actor)) {
    return sql`select s.id from students s where s.district_id = ${districtId}`;
  }
  const parts: SQL[] = [
    sql`select f.student_id as id from family_links f where f.person_id = ${actor.personId} and f.district_id = ${districtId}`,
  ];
  if (isStaff(actor)) {
    const led = [...schoolsLed(actor)];
    if (led.length > 0) {
      parts.push(
        sql`select s.id from students s where s.district_id = ${districtId} and s.school_id = any(${uuidArray(led)})`,
        sql`select cs.student_id as id from class_students cs join classes c on c.id = cs.class_id
            where cs.district_id = ${districtId} and c.school_id = any(${uuidArray(led)})`,
      );
    }
    parts.push(
      sql`select cs.student_id as id from class_students cs
          join class_teachers ct on ct.class_id = cs.class_id
          where ct.person_id = ${actor.personId} and cs.district_id = ${districtId}`,
    );
    const schools = staffSchoolIds(actor);
    if (schools.length > 0) {
      parts.push(sql`select cs.student_id as id from class_students cs
          join classes cl on cl.id = cs.class_id and cl.school_id = any(${uuidArray(schools)})
          join class_teachers ct on ct.class_id = cs.class_id
          join (${sharingMembers}) teammate on teammate.person_id = ct.person_id
          join community_members me on me.community_id = teammate.community_id and me.person_id = ${actor.personId}
            and me.team_role <> 'guest'
          where cs.district_id = ${districtId}`);
    }
  }
  return sql.join(parts, sql` union `);
}

/**
 * The same scope as a condition on a row of \`students\` under the given alias. For district leaders it is one
 * comparison instead of a semi-join over every student of the district, which set-based reports feel.
 */
export function isVisibleStudent(actor: Actor, alias = "s"): SQL {
  const student = sql.identifier(alias);
  return seesEveryStudent(actor)
    ? sql`${student}.district_id = ${actor.districtId}`
    : sql`${student}.id in (${visibleStudentIds(actor)})`;
}

/** Of these student ids, the ones the actor may read (one query). */
export async function filterVisibleStudentIds(db: Db, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await db.execute<{ id: string }>(
    sql`select id from unnest(${uuidArray(ids)}) as requested(id) where id in (${visibleStudentIds(actor)})`,
  );
  return new Set(result.rows.map((row) => row.id));
}

/** Loads students as "student.read" sees them, by id; an id with no student is absent from the map. */
export async function loadStudentTargets(db: Db, studentIds: readonly string[]): Promise<Map<string, StudentTarget>> {
  if (studentIds.length === 0) return new Map();
  const result = await db.execute<{
    id: string;
    district_id: string;
    school_ids: string[] | null;
    teacher_ids: string[] | null;
    team_shares: { teamId: string; schoolId: string }[] | null;
    family_ids: string[] | null;
  }>(sql`
    select s.id, s.district_id,
      array(select distinct x from (
        select s.school_id as x where s.school_id is not null
        union select c.school_id from class_students cs join classes c on c.id = cs.class_id where cs.student_id = s.id
      ) schools) as school_ids,
      array(select distinct ct.person_id from class_students cs join class_teachers ct on ct.class_id = cs.class_id
            where cs.student_id = s.id) as teacher_ids,
      (select json_agg(distinct jsonb_build_object('teamId', teammate.community_id, 'schoolId', cl.school_id))
         from class_students cs
         join classes cl on cl.id = cs.class_id
         join class_teachers ct on ct.class_id = cs.class_id
         join (${sharingMembers}) teammate on teammate.person_id = ct.person_id
        where cs.student_id = s.id) as team_shares,
      array(select f.person_id from family_links f where f.student_id = s.id) as family_ids
    from students s where s.id = any(${uuidArray(studentIds)})`);
  return new Map(
    result.rows.map((row) => [
      row.id,
      {
        id: row.id,
        districtId: row.district_id,
        schoolIds: row.school_ids ?? [],
        teacherIds: row.teacher_ids ?? [],
        teamShares: row.team_shares ?? [],
        familyIds: row.family_ids ?? [],
      },
    ]),
  );
}

/** Loads a student as "student.read" sees them, or null when there is no such student. */
export async function loadStudentTarget(db: Db, studentId: string): Promise<StudentTarget | null> {
  return (await loadStudentTargets(db, [studentId])).get(studentId) ?? null;
}
