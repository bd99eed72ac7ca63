import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";

/** A school with its district (for the rule), or undefined. */
export async function findSchool(db: Db, schoolId: string) {
  const result = await db.execute<{ id: string; name: string; district_id: string }>(
    sql`select id, name, district_id from schools where id = ${schoolId}`,
  );
  return result.rows[0];
}

/** The district's schools, by name. */
export async function listSchools(db: Db, districtId: string) {
  const result = await db.execute<{ id: string; name: string }>(
    sql`select id, name from schools where district_id = ${districtId} order by name, id`,
  );
  return result.rows;
}

/**
 * By school (the student's): how many students the reader may see have an active plan past its review date.
 * Students, not plans: a student with two overdue plans counts once.
 */
export async function countOverdueStudentsBySchool(db: Db, actor: Actor, today: string): Promise<Map<string, number>> {
  const result = await db.execute<{ school_id: string; students: number }>(sql`
    select s.school_id, count(distinct s.id)::int as students
      from intervention_plans p
      join students s on s.id = p.student_id
     where p.district_id = ${actor.districtId} and p.status = 'active' and p.closed_at is null
       and p.review_date < ${today}::date and s.school_id is not null and ${isVisibleStudent(actor, "s")}
     group by s.school_id`);
  return new Map(result.rows.map((row) => [row.school_id, row.students]));
}
