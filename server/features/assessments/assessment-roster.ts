import { sql } from "drizzle-orm";
import type { SittingStatus } from "../../../contract/assessments";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { visibleStudentIds } from "../../policy/student-scope";

export type RosterStudent = {
  id: string;
  /** The class the student sits the assessment with: the one recorded, else the first of theirs by title. */
  classId: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  identifier: string | null;
  email: string | null;
  sourcedId: string | null;
  status: SittingStatus | null;
};

type Raw = {
  id: string;
  class_id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  identifier: string | null;
  email: string | null;
  sourced_id: string | null;
  status: SittingStatus | null;
};

/** How a student is named on the grid and in messages. */
export function studentName(s: Pick<RosterStudent, "givenName" | "familyName" | "preferredName">): string {
  return `${s.preferredName || s.givenName} ${s.familyName}`.trim();
}

/**
 * The students who take an assessment: enrolled in one of its classes, not archived, and readable by the
 * actor (visibleStudentIds). Every list or write of results goes through this, so a student outside the
 * actor's scope cannot be read or scored by guessing an id. Optionally only some students, by id.
 */
export async function listRoster(
  db: Db,
  actor: Actor,
  assessmentId: string,
  studentIds?: readonly string[],
): Promise<RosterStudent[]> {
  const only = studentIds === undefined ? sql`true` : sql`cs.student_id = any(${uuidArray(studentIds)})`;
  const result = await db.execute<Raw>(sql`
    with roster as (
      select distinct on (cs.student_id) cs.student_id, ac.class_id
      from assessment_classes ac
      join class_students cs on cs.class_id = ac.class_id
      join classes c on c.id = ac.class_id
      left join assessment_sittings st on st.assessment_id = ac.assessment_id and st.student_id = cs.student_id
      where ac.assessment_id = ${assessmentId} and ${only}
        and cs.student_id in (${visibleStudentIds(actor)})
      order by cs.student_id, (st.class_id is not distinct from ac.class_id) desc, c.title, c.id
    )
    select s.id, r.class_id, s.given_name, s.family_name, s.preferred_name, s.identifier, s.email, s.sourced_id,
      st.status
    from roster r
    join students s on s.id = r.student_id and s.archived_at is null
    left join assessment_sittings st on st.assessment_id = ${assessmentId} and st.student_id = s.id
    order by s.family_name, s.given_name, s.id`);
  return result.rows.map((r) => ({
    id: r.id,
    classId: r.class_id,
    givenName: r.given_name,
    familyName: r.family_name,
    preferredName: r.preferred_name,
    identifier: r.identifier,
    email: r.email,
    sourcedId: r.sourced_id,
    status: r.status,
  }));
}
