import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { MeasureValue } from "./goal-measures.queries";

/*
 * A measure over students reads every result of its target, or every call to respond of its team, so over a whole
 * district it takes long. Its value for a reader who sees every student of the district (the same for each such
 * reader) is kept in goal_measure_cache with the signature of what it was computed from, and computed again only
 * when that changes: the day it is measured on, the goal's own measure, dates and scope, the district's roster
 * and plan versions (bumped by the database on every change to students, classes or plans, migration 0021), and
 * the assessments it reads, each with its day, status, team and results version (bumped on every change to its
 * results or proficient levels, migration 0020).
 */

/** What a cacheable measure reads: a target's results (proficiency share) or a team's calls (response within days). */
export type CacheableMeasure =
  | { goalId: string; kind: "proficiency_share"; targetId: string }
  | { goalId: string; kind: "response_within_days"; teamId: string };

/** The current signature of each measure, in one statement. */
async function signatures(
  db: Db,
  districtId: string,
  measures: readonly CacheableMeasure[],
  asOf: string,
): Promise<Map<string, string>> {
  const rows = sql.join(
    measures.map((m) =>
      m.kind === "proficiency_share"
        ? sql`(${m.goalId}::uuid, ${m.kind}, ${m.targetId}::uuid, null::uuid)`
        : sql`(${m.goalId}::uuid, ${m.kind}, null::uuid, ${m.teamId}::uuid)`,
    ),
    sql`, `,
  );
  const result = await db.execute<{ id: string; signature: string }>(sql`
    with m(id, kind, target_id, team_id) as (values ${rows}),
    v as (select plans, roster from district_data_versions where district_id = ${districtId})
    select m.id, concat_ws('|', ${asOf}::text, g.measure::text, g.level, g.school_id, g.community_id, g.starts_on,
             g.due_on, coalesce((select roster from v), 0),
             case when m.kind = 'response_within_days' then concat_ws('/', coalesce((select plans from v), 0),
               (select concat_ws(':', c.response_days, c.counts_partly_scored_as_need) from communities c
                 where c.id = m.team_id),
               (select string_agg(concat_ws(':', a.id, a.given_on, a.status, a.results_version), ',' order by a.id)
                  from assessments a where a.community_id = m.team_id))
             else
               (select string_agg(concat_ws(':', a.id, a.given_on, a.community_id, a.results_version), ','
                                  order by a.id)
                  from assessments a
                 where a.id in (select c.assessment_id from target_result_counts c
                                 where c.district_id = ${districtId} and c.target_id = m.target_id
                                union
                                select at.assessment_id from assessment_targets at where at.target_id = m.target_id))
             end) as signature
      from m join goals g on g.id = m.id`);
  return new Map(result.rows.map((row) => [row.id, row.signature]));
}

/**
 * Each measure's district-wide value: from the cache where its signature still holds, else computed by `measure`
 * and stored. The signature is read before the value is computed, so a change committed meanwhile is in the value
 * but not in the stored signature, and the next read computes again rather than trust it.
 */
export async function districtWideMeasures(
  db: Db,
  districtId: string,
  measures: readonly CacheableMeasure[],
  asOf: string,
  measure: (goalId: string) => Promise<MeasureValue>,
): Promise<Map<string, MeasureValue>> {
  const values = new Map<string, MeasureValue>();
  if (!measures.length) return values;
  const current = await signatures(db, districtId, measures, asOf);
  const cached = await db.execute<{
    goal_id: string;
    signature: string;
    value: number | null;
    count: number | null;
    suppressed: boolean;
  }>(sql`
    select goal_id, signature, value, count, suppressed from goal_measure_cache
     where goal_id in (${sql.join(
       measures.map((m) => sql`${m.goalId}::uuid`),
       sql`, `,
     )})`);
  for (const row of cached.rows) {
    if (current.get(row.goal_id) !== row.signature) continue;
    values.set(row.goal_id, {
      value: row.value === null ? null : Number(row.value),
      count: row.count,
      suppressed: row.suppressed,
    });
  }
  for (const { goalId } of measures) {
    const signature = current.get(goalId);
    if (values.has(goalId) || signature === undefined) continue;
    const value = await measure(goalId);
    values.set(goalId, value);
    await db.execute(sql`
      insert into goal_measure_cache (goal_id, district_id, signature, value, count, suppressed, computed_at)
      values (${goalId}, ${districtId}, ${signature}, ${value.value}, ${value.count}, ${value.suppressed}, now())
      on conflict (goal_id) do update set signature = excluded.signature, value = excluded.value,
        count = excluded.count, suppressed = excluded.suppressed, computed_at = excluded.computed_at`);
  }
  return values;
}
