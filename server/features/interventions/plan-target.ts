import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import { notFound } from "../../errors";
import type { PlanTarget } from "../../policy/rules";
import { loadStudentTargets } from "../../policy/student-scope";

type Raw = {
  id: string;
  district_id: string;
  student_id: string;
  community_id: string;
  community_school_ids: string[] | null;
  delivered_by_id: string | null;
};

/** Loads plans as the rules see them (student, team, who delivers them), by id, in two queries whatever their number. */
export async function findPlanTargets(db: Db, ids: readonly string[]): Promise<Map<string, PlanTarget>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute<Raw>(sql`
    select p.id, p.district_id, p.student_id, p.community_id, p.delivered_by_id,
      array(select cs.school_id from community_schools cs where cs.community_id = p.community_id) as community_school_ids
    from intervention_plans p where p.id = any(${uuidArray(ids)})`);
  const students = await loadStudentTargets(
    db,
    result.rows.map((raw) => raw.student_id),
  );
  const targets = new Map<string, PlanTarget>();
  for (const raw of result.rows) {
    const student = students.get(raw.student_id);
    if (!student) continue;
    targets.set(raw.id, {
      id: raw.id,
      districtId: raw.district_id,
      student,
      community: { id: raw.community_id, districtId: raw.district_id, schoolIds: raw.community_school_ids ?? [] },
      deliveredById: raw.delivered_by_id,
    });
  }
  return targets;
}

/** Loads a plan as the rules see it (its student, its team, who delivers it), or undefined. */
export async function findPlanTarget(db: Db, id: string): Promise<PlanTarget | undefined> {
  return (await findPlanTargets(db, [id])).get(id);
}

export async function requirePlanTarget(db: Db, id: string): Promise<PlanTarget> {
  return (await findPlanTarget(db, id)) ?? notFound("intervention plan");
}
