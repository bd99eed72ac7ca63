import { type SQL, sql } from "drizzle-orm";
import type { StudentSort, StudentsQuery } from "../../../contract/students";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent, visibleStudentIds } from "../../policy/student-scope";

export type StudentListRow = {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  grade: string | null;
  identifier: string | null;
  schoolId: string | null;
  schoolName: string | null;
  classes: { id: string; title: string }[];
  total: number;
};

const SORTS: Record<StudentSort, SQL> = {
  name: sql`s.family_name, s.given_name, s.id`,
  grade: sql`s.grade nulls last, s.family_name, s.given_name, s.id`,
  school: sql`sc.name nulls last, s.family_name, s.given_name, s.id`,
};

/** Students of a school: those it is home to, and those in its classes. */
function atSchool(schoolId: string): SQL {
  return sql`(s.school_id = ${schoolId} or exists (
    select 1 from class_students cs join classes c on c.id = cs.class_id
     where cs.student_id = s.id and c.school_id = ${schoolId}))`;
}

/** One page of the students the actor may read, with the total that match. */
export async function listStudents(
  db: Db,
  actor: Actor,
  query: StudentsQuery,
): Promise<{ items: StudentListRow[]; total: number }> {
  const filters: SQL[] = [
    sql`s.district_id = ${actor.districtId}`,
    sql`s.archived_at is null`,
    isVisibleStudent(actor),
  ];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(s.given_name ilike ${pattern} or s.family_name ilike ${pattern}
      or s.preferred_name ilike ${pattern} or s.identifier ilike ${pattern}
      or (s.given_name || ' ' || s.family_name) ilike ${pattern}
      or (coalesce(s.preferred_name, '') || ' ' || s.family_name) ilike ${pattern})`);
  }
  if (query.schoolId) filters.push(atSchool(query.schoolId));
  if (query.classId) {
    filters.push(
      sql`exists (select 1 from class_students cs where cs.student_id = s.id and cs.class_id = ${query.classId})`,
    );
  }
  if (query.grade) filters.push(sql`s.grade = ${query.grade}`);
  const where = sql.join(filters, sql` and `);
  const result = await db.execute<StudentListRow>(sql`
    select s.id, s.given_name as "givenName", s.family_name as "familyName", s.preferred_name as "preferredName",
           s.grade, s.identifier, s.school_id as "schoolId", sc.name as "schoolName",
           coalesce((select json_agg(json_build_object('id', c.id, 'title', c.title) order by c.title)
                       from class_students cs join classes c on c.id = cs.class_id
                      where cs.student_id = s.id and c.archived_at is null), '[]') as classes,
           count(*) over () as total
      from students s left join schools sc on sc.id = s.school_id
     where ${where}
     order by ${SORTS[query.sort]}
     limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
  let total = result.rows[0]?.total ?? 0;
  if (result.rows.length === 0 && query.page > 1) {
    const counted = await db.execute<{ n: number }>(sql`select count(*) as n from students s where ${where}`);
    total = counted.rows[0]?.n ?? 0;
  }
  return { items: result.rows, total };
}

const CLASS_CHOICES_LIMIT = 300;

/** Classes that hold students the actor may read (at one school, if given), and the grades of those students. */
export async function listStudentFilters(db: Db, actor: Actor, schoolId: string | undefined) {
  const visible = visibleStudentIds(actor);
  const classes = await db.execute<{ id: string; title: string; schoolName: string }>(sql`
    select c.id, c.title, sc.name as "schoolName"
      from classes c join schools sc on sc.id = c.school_id
     where c.district_id = ${actor.districtId} and c.archived_at is null
       ${schoolId ? sql`and c.school_id = ${schoolId}` : sql``}
       and exists (select 1 from class_students cs where cs.class_id = c.id and cs.student_id in (${visible}))
     order by c.title, sc.name, c.id
     limit ${CLASS_CHOICES_LIMIT + 1}`);
  const grades = await db.execute<{ grade: string }>(sql`
    select distinct s.grade from students s
     where s.district_id = ${actor.districtId} and s.grade is not null and s.archived_at is null
       and s.id in (${visible})`);
  return {
    classes: classes.rows.slice(0, CLASS_CHOICES_LIMIT),
    grades: grades.rows.map((row) => row.grade),
    hasMoreClasses: classes.rows.length > CLASS_CHOICES_LIMIT,
  };
}

export type StudentRow = {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  grade: string | null;
  identifier: string | null;
  schoolId: string | null;
  schoolName: string | null;
  classes: { id: string; title: string; teachers: { id: string; name: string }[] }[];
};

/** A student with their school and current classes and teachers; never their demographics. */
export async function findStudent(db: Db, id: string): Promise<StudentRow | undefined> {
  const result = await db.execute<StudentRow>(sql`
    select s.id, s.given_name as "givenName", s.family_name as "familyName", s.preferred_name as "preferredName",
           s.grade, s.identifier, s.school_id as "schoolId", sc.name as "schoolName",
           coalesce((
             select json_agg(json_build_object('id', c.id, 'title', c.title, 'teachers', coalesce((
                      select json_agg(json_build_object('id', p.id, 'name', p.display_name) order by p.display_name)
                        from class_teachers ct join people p on p.id = ct.person_id where ct.class_id = c.id), '[]'))
                    order by c.title)
               from class_students cs join classes c on c.id = cs.class_id
              where cs.student_id = s.id and c.archived_at is null), '[]') as classes
      from students s left join schools sc on sc.id = s.school_id
     where s.id = ${id}`);
  return result.rows[0];
}

export type StudentResultRow = {
  targetId: string;
  code: string | null;
  statement: string;
  assessmentId: string;
  assessmentTitle: string;
  date: string | null;
  points: number;
  maxPoints: number | null;
  level: number;
  proficientLevel: number | null;
  topLevel: number | null;
};

const topLevel = sql`(select max((c->>'level')::int) from jsonb_array_elements(at.cut_scores) c)`;

/** Every result of a student on every target, by target and then oldest first (target_results_student_idx). */
export async function listStudentResults(db: Db, studentId: string): Promise<StudentResultRow[]> {
  const result = await db.execute<StudentResultRow>(sql`
    select tr.target_id as "targetId", lt.code, lt.statement, tr.assessment_id as "assessmentId",
           a.title as "assessmentTitle", coalesce(tr.assessed_on, a.given_on)::text as date,
           tr.points::float8 as points, at.max_points::float8 as "maxPoints", tr.level,
           at.proficient_level as "proficientLevel", ${topLevel} as "topLevel"
      from target_results tr
      join assessments a on a.id = tr.assessment_id
      join learning_targets lt on lt.id = tr.target_id
      left join assessment_targets at on at.assessment_id = tr.assessment_id and at.target_id = tr.target_id
      left join assessment_sittings sit on sit.assessment_id = tr.assessment_id and sit.student_id = tr.student_id
     where tr.student_id = ${studentId} and coalesce(sit.status::text, 'completed') = 'completed'
     order by lt.code nulls last, lt.statement, lt.id, coalesce(tr.assessed_on, a.given_on) nulls first, a.created_at`);
  return result.rows;
}

/** The assessments a student was absent from or exempt from, newest first. */
export async function listMissedAssessments(db: Db, studentId: string) {
  const result = await db.execute<{
    assessmentId: string;
    assessmentTitle: string;
    date: string | null;
    status: "absent" | "exempt";
  }>(sql`
    select a.id as "assessmentId", a.title as "assessmentTitle", a.given_on::text as date, sit.status::text as status
      from assessment_sittings sit join assessments a on a.id = sit.assessment_id
     where sit.student_id = ${studentId} and sit.status <> 'completed'
     order by a.given_on desc nulls last, a.created_at desc`);
  return result.rows;
}
