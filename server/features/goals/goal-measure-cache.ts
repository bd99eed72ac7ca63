import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type Actor, isStaff, STAFF_ROLES, schoolsLed } from "../../policy/actor";
import { seesEveryStudent } from "../../policy/student-scope";
import type { MeasureValue } from "./goal-measures.queries";

/*
 * A measure over students reads every result of its target, or every call to respond of its team, so over a whole
 * district it takes long. Its value for a reader who sees every student of the district (the same for each such
 * reader) is kept in goal_measure_cache with the signature of what it was computed from, and computed again only
 * when that changes: the day it is measured on, the goal's own measure, dates and scope, the district's roster
 * and plan versions (bumped by the database on every change to students, classes or plans, migration 0021), and
 * the assessments it reads, each with its day, status, team and results version (bumped on every change to its
 * results or proficient levels, migration 0020).
 *
 * A school's leaders (who see that school's students, those its classes enrol, and nobody else) share a value too,
 * kept under the scope "schools:<ids>"; the roster version counts enrolments for them (migration 0024).
 */

/**
 * Whose students the actor reads, when readers alike share cached measures: "district" for a reader who sees every
 * student, "schools:<ids>" for a leader of those schools who sees nobody beyond them (no staff role at another
 * school, no class of their own, no child), else null (measured for them alone, never cached).
 */
export async function cacheScopeOf(db: Db, actor: Actor): Promise<string | null> {
  if (seesEveryStudent(actor)) return "district";
  if (!isStaff(actor)) return null;
  const led = [...schoolsLed(actor)].sort();
  if (led.length === 0) return null;
  const elsewhere = actor.roles.some(
    (r) => STAFF_ROLES.includes(r.role) && r.schoolId !== null && r.schoolId !== undefined && !led.includes(r.schoolId),
  );
  if (elsewhere) return null;
  const result = await db.execute<{ beyond: boolean }>(sql`
    select exists (select 1 from class_teachers where person_id = ${actor.personId})
        or exists (select 1 from family_links where person_id = ${actor.personId}) as beyond`);
  return result.rows[0]?.beyond ? null : `schools:${led.join(",")}`;
}

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
 * Each measure's value for the readers of a scope: from the cache where its signature still holds, else computed by `measure`
 * and stored. The signature is read before the value is computed, so a change committed meanwhile is in the value
 * but not in the stored signature, and the next read computes again rather than trust it.
 */
export async function cachedMeasures(
  db: Db,
  districtId: string,
  scope: string,
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
     where scope = ${scope} and goal_id in (${sql.join(
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
      insert into goal_measure_cache (goal_id, scope, district_id, signature, value, count, suppressed, computed_at)
      values (${goalId}, ${scope}, ${districtId}, ${signature}, ${value.value}, ${value.count}, ${value.suppressed}, now())
      on conflict (goal_id, scope) do update set signature = excluded.signature, value = excluded.value,
        count = excluded.count, suppressed = excluded.suppressed, computed_at = excluded.computed_at`);
  }
  return values;
}
