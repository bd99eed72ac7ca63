import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";

export type ChildRow = {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  grade: string | null;
  schoolName: string | null;
  targets: {
    targetId: string;
    statement: string;
    level: number;
    proficientLevel: number;
    topLevel: number;
    assessedOn: string | null;
  }[];
};

/**
 * The signed-in family member's own children (family_links, never anything wider), each with the latest
 * result on every target they were assessed on. No classmates, teachers, points or assessment names.
 */
export async function listOwnChildren(db: Db, actor: Actor): Promise<ChildRow[]> {
  const result = await db.execute<ChildRow>(sql`
    select s.id, s.given_name as "givenName", s.family_name as "familyName", s.preferred_name as "preferredName",
           s.grade, sc.name as "schoolName",
           coalesce((
             select json_agg(json_build_object('targetId', x.target_id, 'statement', x.statement, 'level', x.level,
                                               'proficientLevel', x.proficient_level, 'topLevel', x.top_level,
                                               'assessedOn', x.assessed_on) order by x.position, x.statement)
               from (
                 select distinct on (tr.target_id) tr.target_id, lt.statement, lt.position, tr.level,
                        coalesce(at.proficient_level, 3) as proficient_level,
                        coalesce((select max((c->>'level')::int) from jsonb_array_elements(at.cut_scores) c),
                                 coalesce(at.proficient_level, 3)) as top_level,
                        coalesce(tr.assessed_on, a.given_on) as assessed_on
                   from target_results tr
                   join assessments a on a.id = tr.assessment_id
                   join learning_targets lt on lt.id = tr.target_id
                   left join assessment_targets at on at.assessment_id = tr.assessment_id
                                                  and at.target_id = tr.target_id
                  where tr.student_id = s.id
                  order by tr.target_id, coalesce(tr.assessed_on, a.given_on) desc nulls last, a.created_at desc
               ) x), '[]') as targets
      from family_links f
      join students s on s.id = f.student_id and s.district_id = f.district_id
      left join schools sc on sc.id = s.school_id
     where f.person_id = ${actor.personId} and f.district_id = ${actor.districtId} and s.archived_at is null
     order by s.given_name, s.family_name, s.id`);
  return result.rows;
}
