import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { unit } from "./seed-evidence";
import { seedGeneratedProgress } from "./seed-intervention-progress";

/*
 * The generated district's response to its assessments, in set-based SQL. After each round of common
 * assessments, each team looks at one target per assessment (a different one each round): about 65% of the
 * students below proficiency on it get a plan (tier 2 mostly, tier 3 for some of the weakest, tier 1 for a
 * few) 1–10 school days later, in groups of 4–8 per school, team and target (tier 3 alone); about 10% of the
 * students at the top level get an extension plan. A student with a plan still running in that team is left
 * out. Plans run 8–12 weeks; everything is dated up to the calendar's asOf (GENERATED_AS_OF unless a caller moves it). Every choice comes from hashes of
 * sourcedIds, so the same district always gets the same plans.
 */

import { GENERATED_AS_OF } from "./generated-calendar";

export { GENERATED_AS_OF };

const RESPONSE_SHARE = 0.65;
const EXTENSION_SHARE = 0.1;

export type InterventionCounts = {
  groups: number;
  plans: number;
  scores: number;
  sessions: number;
  decisions: number;
};

/** A version-4-shaped uuid from text, so ids are stable within a district and pass strict uuid checks. */
export const uuidFrom = (text: SQL) =>
  sql`overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

async function count(db: Db, table: string, districtId: string): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where district_id = ${districtId}`,
  );
  return result.rows[0]?.n ?? 0;
}

async function countAll(db: Db, districtId: string): Promise<InterventionCounts> {
  return {
    groups: await count(db, "intervention_groups", districtId),
    plans: await count(db, "intervention_plans", districtId),
    scores: await count(db, "progress_scores", districtId),
    sessions: await count(db, "intervention_sessions", districtId),
    decisions: await count(db, "plan_decisions", districtId),
  };
}

/**
 * Writes the interventions of a generated district whose evidence is already there. Does nothing when the
 * district already has plans, so it can run on a district generated before interventions existed.
 */
export async function seedGeneratedInterventions(
  db: Db,
  districtId: string,
  options: { log?: (line: string) => void; asOf?: string } = {},
): Promise<InterventionCounts & { skipped: boolean }> {
  const asOf = options.asOf ?? GENERATED_AS_OF;
  if ((await count(db, "intervention_plans", districtId)) > 0)
    return { ...(await countAll(db, districtId)), skipped: true };
  const rounds = await db.execute<{ given_on: string }>(sql`
    select distinct given_on::text as given_on from assessments
    where district_id = ${districtId} and sourced_id like 'gen-assessment-%' and given_on <= ${asOf}
    order by 1`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create temp table gen_plans (
        round int, district_id uuid, assessment_id uuid, community_id uuid, akey text, skey text, student_id uuid,
        school_id uuid,
        class_key text, target_id uuid, target_code text, kind intervention_kind, measure_kind text, tier int,
        gkey text, group_no int, group_id uuid, plan_id uuid, school_name text, start_date date, weeks int,
        goal_date date, review0 date, course text, intensified boolean, closed_on date, deliverer uuid,
        baseline numeric, goal numeric, amp numeric) on commit drop`);
    for (const [round, { given_on: day }] of rounds.rows.entries()) {
      await pickPlans(tx, districtId, round, day, asOf);
      await insertGroupsAndPlans(tx, round, asOf);
      options.log?.(`  interventions after the assessments of ${day}`);
    }
    await seedGeneratedProgress(tx, districtId, asOf);
  });
  await db.execute(
    sql`analyze intervention_groups, intervention_plans, progress_scores, intervention_sessions, plan_decisions`,
  );
  return { ...(await countAll(db, districtId)), skipped: false };
}

/** The round's new plans, with every choice made: tier, group, start, length, course of progress, closing. */
async function pickPlans(db: Db, districtId: string, round: number, day: string, asOf: string): Promise<void> {
  const h = (text: SQL) => unit(text);
  await db.execute(sql`
    insert into gen_plans
    with picked as (
      select a.district_id, a.id as assessment_id, a.community_id, a.sourced_id as akey, a.given_on,
             r.student_id, s.sourced_id as skey, s.school_id, sc.sourced_id as school_key, sc.name as school_name,
             cl.sourced_id as class_key, r.level, at.target_id, lt.code as target_code,
             (case when r.level < 3 then 'intervention' else 'extension' end)::intervention_kind as kind,
             case when r.level = 4 then 'ext' when cm.name like 'District ELA%' then 'ela' else 'math' end as measure_kind,
             (select ct.person_id from class_teachers ct join people t on t.id = ct.person_id
               where ct.class_id = r.class_id order by t.sourced_id limit 1) as teacher_id
      from assessments a
      join communities cm on cm.id = a.community_id
      join assessment_targets at on at.assessment_id = a.id and at.position = ${1 + (round % 4)}
      join learning_targets lt on lt.id = at.target_id
      join target_results r on r.assessment_id = a.id and r.target_id = at.target_id
      join students s on s.id = r.student_id
      join schools sc on sc.id = s.school_id
      join classes cl on cl.id = r.class_id
      where a.district_id = ${districtId} and a.given_on = ${day} and a.sourced_id like 'gen-assessment-%'
        and ((r.level < 3 and ${h(sql`s.sourced_id || a.sourced_id || 'respond'`)} < ${RESPONSE_SHARE})
          or (r.level = 4 and ${h(sql`s.sourced_id || a.sourced_id || 'extend'`)} < ${EXTENSION_SHARE}))
        and not exists (select 1 from intervention_plans p
                         where p.community_id = a.community_id and p.student_id = r.student_id
                           and coalesce(p.closed_at::date, p.goal_date) >= a.given_on)),
    tiered as (
      select *, case when kind = 'extension' then 1
                     when ht < case when level = 1 then 0.3 else 0.05 end then 3
                     when ht > 0.88 then 1 else 2 end as tier
      from (select *, ${h(sql`skey || akey || 'tier'`)} as ht from picked) x),
    grouped as (
      select *, case when tier < 3 then (row_number() over (partition by assessment_id, school_id, kind, tier
                                                           order by class_key, skey) - 1)
                  % greatest(1, round(count(*) over (partition by assessment_id, school_id, kind, tier) / 6.0))::int
                end as group_no
      from tiered),
    keyed as (
      select *, case when group_no is not null then akey || '/' || school_key || '/' || kind || '/' || tier || '/' || group_no end as gkey
      from grouped),
    numbered as (
      select *, row_number() over (partition by gkey order by class_key, skey) as member_no from keyed),
    timed as (
      select *, 1 + floor(${h(sql`coalesce(gkey, skey || akey) || 'delay'`)} * 10)::int as delay,
             8 + floor(${h(sql`coalesce(gkey, skey || akey) || 'weeks'`)} * 5)::int as weeks,
             ${h(sql`skey || akey || 'course'`)} as hc, ${h(sql`skey || akey || 'intensify'`)} as hi
      from numbered),
    -- Assessments are given on Mondays: d school days later is d calendar days plus two per weekend crossed.
    dated as (
      select *, given_on + delay + 2 * (delay / 5) as start_date,
             case when hc < 0.55 then 'on_track' when hc < 0.8 then 'behind' when hc < 0.93 then 'ahead' else 'erratic' end as course
      from timed),
    shaped as (
      select *, start_date + 7 * weeks as goal_date, start_date + 42 as review0,
             -- The group's first member stays, so no group is left empty.
             kind = 'intervention' and tier = 2 and course = 'behind' and hi < 0.5 and member_no > 1
               and start_date + 42 <= ${asOf}::date as intensified,
             round(case measure_kind when 'ela' then 30 + 60 * ${h(sql`skey || 'orf'`)}
                                     when 'math' then 8 + 25 * ${h(sql`skey || 'digits'`)}
                                     else 8 + 4 * ${h(sql`skey || 'rubric'`)} end) as baseline,
             case measure_kind when 'ela' then 1.5 when 'math' then 1.0 else 0.6 end as rate,
             case measure_kind when 'ela' then 3 when 'math' then 1.5 else 1 end as amp
      from dated where start_date <= ${asOf}::date)
    select ${round}, district_id, assessment_id, community_id, akey, skey, student_id, school_id, class_key, target_id, target_code,
           kind, measure_kind, tier, gkey, group_no,
           case when gkey is not null then ${uuidFrom(sql`district_id::text || '/group/' || gkey`)} end,
           ${uuidFrom(sql`district_id::text || '/plan/' || akey || '/' || skey`)},
           school_name, start_date, weeks, goal_date, review0, course, intensified,
           case when course = 'ahead' and review0 <= ${asOf}::date then review0
                when goal_date <= ${asOf}::date then goal_date end,
           case when gkey is null then teacher_id
                else first_value(teacher_id) over (partition by gkey order by class_key, skey) end,
           baseline, baseline + round(rate * weeks), amp
    from shaped`);
}

const MEASURE = sql`case g.measure_kind when 'ela' then 'Oral reading fluency (words correct per minute)'
  when 'math' then 'Math computation (digits correct in two minutes)' else 'Extension task rubric (points out of 20)' end`;
const STRATEGY = sql`case when g.kind = 'extension' then 'Open-ended extension tasks with a rubric; students present their work.'
  when g.tier = 1 then 'Reteach in class in a small group with the same materials.'
  when g.measure_kind = 'ela' then 'Repeated reading and guided practice on the target in a small group.'
  else 'Explicit instruction with visual models, then timed practice.' end`;
const DAYS = sql`case when g.kind = 'extension' then 2 when g.tier = 1 then 3 when g.tier = 2 then 4 else 5 end`;
const MINUTES = sql`case when g.tier = 3 then 45 when g.tier = 2 then 30 else 20 end`;
// A plan reviewed at six weeks (and not closed there) is next reviewed four weeks later, or at its goal date.
const nextReview = (asOf: string) => sql`case when g.review0 <= ${asOf}::date and g.closed_on is distinct from g.review0
  then least(g.goal_date, g.review0 + 28) else g.review0 end`;

/** The round's groups (tiers 1 and 2) and every student's plan, intensified plans already at tier 3 alone. */
async function insertGroupsAndPlans(db: Db, round: number, asOf: string): Promise<void> {
  await db.execute(sql`
    insert into intervention_groups (id, district_id, community_id, kind, name, tier, focus, learning_target_ids,
      source_assessment_id, strategy, delivered_by_id, minutes_per_session, days_per_week, schedule, start_date,
      review_date, goal_date, measure, closed_at, created_by_id, created_at, updated_at)
    select distinct on (g.group_id) g.group_id, g.district_id, g.community_id, g.kind,
           case when g.kind = 'extension' then 'Extension' else 'Tier ' || g.tier end || ' · ' || g.target_code
             || ' · ' || g.school_name || ' ' || (g.group_no + 1),
           g.tier, 'Target ' || g.target_code, array[g.target_id], g.assessment_id, ${STRATEGY}, g.deliverer,
           ${MINUTES}, ${DAYS}, ${DAYS} || ' days a week', g.start_date, g.review0, g.goal_date, ${MEASURE},
           case when g.goal_date <= ${asOf}::date then g.goal_date::timestamptz end,
           g.deliverer, g.start_date::timestamptz, g.start_date::timestamptz
    from gen_plans g where g.round = ${round} and g.group_id is not null
    order by g.group_id, g.class_key, g.skey`);
  await db.execute(sql`
    insert into intervention_plans (id, district_id, student_id, community_id, group_id, kind, tier, status, focus,
      learning_target_ids, source_assessment_id, strategy, delivered_by_id, minutes_per_session, days_per_week,
      schedule, start_date, review_date, measure, baseline, goal, goal_date, closed_at, created_by_id, created_at,
      updated_at)
    select g.plan_id, g.district_id, g.student_id, g.community_id, case when g.intensified then null else g.group_id end,
           g.kind, case when g.intensified then 3 else g.tier end,
           (case when g.closed_on is null then 'active' else 'closed' end)::plan_status, 'Target ' || g.target_code,
           array[g.target_id], g.assessment_id,
           case when g.intensified then 'Daily one-to-one sessions on the target, with a new strategy.' else ${STRATEGY} end,
           g.deliverer, case when g.intensified then 45 else ${MINUTES} end,
           case when g.intensified then 5 else ${DAYS} end,
           case when g.intensified then 'Every school day, one to one' else ${DAYS} || ' days a week' end,
           g.start_date, ${nextReview(asOf)}, ${MEASURE}, g.baseline,
           g.goal, g.goal_date, g.closed_on::timestamptz, g.deliverer, g.start_date::timestamptz,
           coalesce(g.closed_on, g.start_date)::timestamptz
    from gen_plans g where g.round = ${round}`);
}
