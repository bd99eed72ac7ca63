import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import {
  baseCtes,
  classesJson,
  demographicCountsJson,
  itemCtes,
  itemsJson,
  peopleCtes,
  perTargetCte,
  studentsJson,
  tallyCtes,
  targetsJson,
  targetTotalsJson,
  teachersJson,
} from "./analysis-sections";

/*
 * The team analysis of one assessment, computed in one statement over the students the reader may see.
 * Each section comes back as JSON text built by PostgreSQL, so the route sends it without parsing and
 * serializing thousands of student rows again; only the small demographic counts come back as values, to be
 * suppressed in analysis-subgroups.ts. bench/ times queryAssessmentAnalysis() alone against the whole route.
 */

/** Students counted per target, level and demographic signature; bit i of flags is DEMOGRAPHIC_FLAGS[i]. */
export type DemographicCount = {
  targetId: string;
  level: number;
  count: number;
  sex: string | null;
  flags: number;
};
/** A target's published totals: students assessed, and how many at each of its levels (zero-filled). */
export type TargetTotal = {
  targetId: string;
  assessed: number;
  proficientLevel: number;
  levels: number[];
  levelCounts: { level: number; count: number }[];
};

export type AnalysisQueryResult = {
  /** JSON text of each section, ready to send. */
  assessment: string;
  sittings: string;
  targets: string;
  classes: string;
  teachers: string;
  items: string;
  students: string;
  studentCount: number;
  demographicCounts: DemographicCount[];
  targetTotals: TargetTotal[];
};

function analysisStatement(actor: Actor, assessmentId: string): SQL {
  return sql`
    with ${baseCtes(actor, assessmentId)}, ${tallyCtes}, ${perTargetCte}, ${peopleCtes}, ${itemCtes(assessmentId)}
    select json_build_object('id', a.id, 'title', a.title, 'givenOn', a.given_on,
                             'communityId', a.community_id,
                             'countsPartlyScoredAsNeed', (select cfg.partial_is_need from cfg))::text as assessment,
           (select json_build_object('assessed', count(*) filter (where stu.status = 'completed'),
                                     'absent', count(*) filter (where stu.status = 'absent'),
                                     'exempt', count(*) filter (where stu.status = 'exempt'),
                                     'notEntered', count(*) filter (where stu.status = 'not_entered')) from stu)::text
             as sittings,
           ${targetsJson}::text as targets,
           ${classesJson}::text as classes,
           ${teachersJson}::text as teachers,
           ${itemsJson}::text as items,
           ${studentsJson}::text as students,
           (select count(*) from stu)::int as "studentCount",
           ${demographicCountsJson} as "demographicCounts",
           ${targetTotalsJson} as "targetTotals"
      from assessments a where a.id = ${assessmentId}`;
}

/** Runs the whole analysis of one assessment for this reader in one statement; undefined if no such assessment. */
export async function queryAssessmentAnalysis(
  db: Db,
  actor: Actor,
  assessmentId: string,
): Promise<AnalysisQueryResult | undefined> {
  // The planner cannot size these CTEs well. Too high, and PostgreSQL JIT-compiles hundreds of expressions
  // (seconds) for a query that runs in milliseconds; too low, and it nests loops over thousands of rows and
  // sorts them to group them. Every input here is a few tens of thousands of rows at most, which hash joins and
  // hashed grouping handle in bounded time, given the memory for a few thousand per-student arrays.
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('jit', 'off', true), set_config('enable_nestloop', 'off', true),
                 set_config('enable_sort', 'off', true), set_config('work_mem', '32MB', true)`,
    );
    const result = await tx.execute<AnalysisQueryResult>(analysisStatement(actor, assessmentId));
    return result.rows[0];
  });
}
