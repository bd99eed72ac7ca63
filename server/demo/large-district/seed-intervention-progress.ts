import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { unit } from "./seed-evidence";

/*
 * Progress for the generated plans (the gen_plans table seed-interventions.ts fills): a score a week on the
 * plan's measure, session attendance on the plan's days, and the team's decisions. Each plan follows its
 * course: "on_track" scatters around the aim line, "behind" grows at a third of its slope, "ahead" reaches
 * the goal by the six-week review, "erratic" scatters widely, and intensified plans turn upwards after the
 * review. The noise is small enough that the four points before an adjust, intensify or early exit decision
 * are all on the side of the aim line the decision says, so the decision rule agrees with the history.
 */

const DAYS = sql`case when g.kind = 'extension' then 2 when g.tier = 1 then 3 when g.tier = 2 then 4 else 5 end`;
const MINUTES = sql`case when g.tier = 3 then 45 when g.tier = 2 then 30 else 20 end`;

/** Writes scores, sessions, decisions and outcomes for every plan in gen_plans. */
export async function seedGeneratedProgress(db: Db, districtId: string, asOf: string): Promise<void> {
  const until = sql`least(${asOf}::date, coalesce(g.closed_on, g.goal_date))`;
  const noise = unit(sql`g.akey || '/' || g.skey || '/' || k`);
  await db.execute(sql`
    insert into progress_scores (district_id, plan_id, measured_on, score, recorded_by_id, created_at)
    select g.district_id, g.plan_id, g.start_date + 7 * k, greatest(0, round(
             case g.course
               when 'on_track' then v.aim + v.noise
               when 'erratic' then v.aim + 2.5 * v.noise
               when 'ahead' then g.baseline + 1.25 * v.gain * 7 * k / 42.0 + 0.6 * v.noise
               when 'behind' then 0.6 * v.noise + case
                 when g.intensified then g.baseline + v.gain * (0.35 * least(7 * k, 42) + 1.4 * greatest(0, 7 * k - 42)) / (7.0 * g.weeks)
                 else g.baseline + 0.35 * v.gain * k / g.weeks end
             end)),
           g.deliverer, (g.start_date + 7 * k)::timestamptz
    from gen_plans g
    cross join generate_series(1, 12) k
    cross join lateral (select g.goal - g.baseline as gain, g.baseline + (g.goal - g.baseline) * k / g.weeks as aim,
                               (${noise} - 0.5) * 2 * g.amp as noise) v
    where k <= g.weeks and g.start_date + 7 * k <= ${until}`);

  const day = sql`g.start_date + i`;
  const notHeld = unit(sql`coalesce(g.gkey, g.akey || '/' || g.skey) || '/' || (${day})::text`);
  const absent = unit(sql`g.akey || '/' || g.skey || '/' || (${day})::text || '/absent'`);
  const afterIntensifying = sql`(g.intensified and ${day} > g.review0)`;
  await db.execute(sql`
    insert into intervention_sessions (district_id, plan_id, session_on, attendance, minutes, recorded_by_id, created_at)
    select x.district_id, x.plan_id, x.session_on, x.attendance::session_attendance,
           case when x.attendance = 'present' then x.minutes end, x.deliverer, x.session_on::timestamptz
    from (
      select g.district_id, g.plan_id, g.deliverer, ${day} as session_on,
             case when ${notHeld} < 0.04 then 'not_held'
                  when ${absent} < case when g.course = 'behind' then 0.12 else 0.07 end then 'absent'
                  else 'present' end as attendance,
             case when ${afterIntensifying} then 45 else ${MINUTES} end as minutes
      from gen_plans g
      cross join lateral generate_series(0, ${until} - 1 - g.start_date) i
      where extract(isodow from ${day}) <= case when ${afterIntensifying} then 5 else ${DAYS} end) x`);

  await db.execute(sql`
    update intervention_plans p
    set outcome = (case when last.score >= p.goal then 'met' else 'not_met' end)::plan_outcome
    from (select distinct on (s.plan_id) s.plan_id, s.score from progress_scores s
          where s.district_id = ${districtId} order by s.plan_id, s.measured_on desc) last
    where p.id = last.plan_id and p.district_id = ${districtId} and p.status = 'closed'`);

  const reviewed = sql`g.review0 <= ${asOf}::date and (g.closed_on is null or g.closed_on > g.review0)`;
  await insertDecisions(
    db,
    sql`
    select g.plan_id, 'start', case when g.kind = 'extension'
             then 'Already beyond proficiency on ' || g.target_code || ': extension group.'
             else 'Below proficiency on ' || g.target_code || ' in the common assessment.' end,
           null::int, g.tier, null, g.deliverer, g.start_date
    from gen_plans g
    union all
    select g.plan_id, 'intensify', 'Behind the aim line at the review: daily one-to-one sessions (tier 3).',
           2, 3, 'adjust', g.deliverer, g.review0
    from gen_plans g where g.intensified
    union all
    select g.plan_id, 'adjust', 'Behind the aim line at the review: changed the strategy and added practice.',
           g.tier, g.tier, 'adjust', g.deliverer, g.review0
    from gen_plans g where g.course = 'behind' and not g.intensified and ${reviewed}
    union all
    select g.plan_id, 'continue', 'Growing about as planned: continue until the goal date.',
           g.tier, g.tier, null, g.deliverer, g.review0
    from gen_plans g where g.course in ('on_track', 'erratic') and ${reviewed}
    union all
    select g.plan_id, 'exit', case when p.outcome = 'met' then 'Goal met: back to core instruction with a check-in.'
             else 'Goal date reached without meeting the goal: the team plans the next step.' end,
           p.tier, p.tier, case when g.course = 'ahead' and g.closed_on = g.review0 then 'consider_exit' end,
           g.deliverer, g.closed_on
    from gen_plans g join intervention_plans p on p.id = g.plan_id where g.closed_on is not null`,
  );
}

async function insertDecisions(db: Db, rows: SQL): Promise<void> {
  await db.execute(sql`
    insert into plan_decisions (district_id, plan_id, decision, reason, tier_before, tier_after, flag, decided_by_id,
                                decided_on, created_at)
    select p.district_id, d.plan_id, d.decision::plan_decision, d.reason, d.tier_before, d.tier_after, d.flag,
           d.decided_by, d.decided_on, d.decided_on::timestamptz
    from (${rows}) d (plan_id, decision, reason, tier_before, tier_after, flag, decided_by, decided_on)
    join intervention_plans p on p.id = d.plan_id`);
}
