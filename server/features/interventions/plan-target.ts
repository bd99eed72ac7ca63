import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notFound } from "../../errors";
import type { PlanTarget } from "../../policy/rules";
import { loadStudentTarget } from "../../policy/student-scope";

type Raw = {
  id: string;
  district_id: string;
  student_id: string;
  community_id: string;
  community_school_ids: string[] | null;
  delivered_by_id: string | null;
};

/** Loads a plan as the rules see it (its student, its team, who delivers it), or undefined. */
export async function findPlanTarget(db: Db, id: string): Promise<PlanTarget | undefined> {
  const result = await db.execute<Raw>(sql`
    select p.id, p.district_id, p.student_id, p.community_id, p.delivered_by_id,
      array(select cs.school_id from community_schools cs where cs.community_id = p.community_id) as community_school_ids
    from intervention_plans p where p.id = ${id}`);
  const raw = result.rows[0];
  if (!raw) return undefined;
  const student = await loadStudentTarget(db, raw.student_id);
  if (!student) return undefined;
  return {
    id: raw.id,
    districtId: raw.district_id,
    student,
    community: { id: raw.community_id, districtId: raw.district_id, schoolIds: raw.community_school_ids ?? [] },
    deliveredById: raw.delivered_by_id,
  };
}

export async function requirePlanTarget(db: Db, id: string): Promise<PlanTarget> {
  return (await findPlanTarget(db, id)) ?? notFound("intervention plan");
}
