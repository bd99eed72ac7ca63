import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notFound } from "../../errors";
import type { AssessmentTarget } from "../../policy/rules";

type Raw = {
  id: string;
  district_id: string;
  community_id: string | null;
  community_school_ids: string[] | null;
  school_ids: string[] | null;
  teacher_ids: string[] | null;
};

/** Loads an assessment as the rules see it (its team, its classes' schools and teachers), or undefined. */
export async function findAssessmentTarget(db: Db, id: string): Promise<AssessmentTarget | undefined> {
  const result = await db.execute<Raw>(sql`
    select a.id, a.district_id, a.community_id,
      array(select cs.school_id from community_schools cs where cs.community_id = a.community_id) as community_school_ids,
      array(select distinct c.school_id from assessment_classes ac join classes c on c.id = ac.class_id
            where ac.assessment_id = a.id) as school_ids,
      array(select distinct ct.person_id from assessment_classes ac join class_teachers ct on ct.class_id = ac.class_id
            where ac.assessment_id = a.id) as teacher_ids
    from assessments a where a.id = ${id}`);
  const raw = result.rows[0];
  if (!raw) return undefined;
  return {
    id: raw.id,
    districtId: raw.district_id,
    community: raw.community_id
      ? { id: raw.community_id, districtId: raw.district_id, schoolIds: raw.community_school_ids ?? [] }
      : null,
    schoolIds: raw.school_ids ?? [],
    teacherIds: raw.teacher_ids ?? [],
  };
}

/** The assessment as the rules see it, or a 404 problem. */
export async function requireAssessmentTarget(db: Db, id: string): Promise<AssessmentTarget> {
  return (await findAssessmentTarget(db, id)) ?? notFound("assessment");
}
