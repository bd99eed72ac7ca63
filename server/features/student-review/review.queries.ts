import { sql } from "drizzle-orm";
import type { ReviewItem } from "../../../contract/student-review";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";
import { applyDecisionRule, type ProgressPoint } from "../interventions/progress-rules";

type PlanRow = {
  plan_id: string;
  student_id: string;
  student_name: string;
  tier: number;
  kind: "intervention" | "extension";
  group_id: string | null;
  group_name: string | null;
  focus: string;
  strategy: string;
  measure: string;
  minutes_per_session: number | null;
  days_per_week: number | null;
  delivered_by_id: string | null;
  delivered_by_name: string | null;
  start_date: string;
  review_date: string;
  baseline: string;
  goal: string;
  goal_date: string;
  rule_points: number;
  unacknowledged_notes: number;
  latest_note: { id: string; body: string; createdAt: string } | null;
};

const MAX_RULE_POINTS = 12;

/** Active plans of the team over the students the reader may see, with their unacknowledged family notes. */
async function listActivePlans(db: Db, actor: Actor, communityId: string): Promise<PlanRow[]> {
  const result = await db.execute<PlanRow>(sql`
    with plans as (
      select p.*, trim(coalesce(nullif(trim(s.preferred_name), ''), s.given_name) || ' ' || s.family_name) as student_name
        from intervention_plans p
        join students s on s.id = p.student_id
       where p.community_id = ${communityId} and p.status = 'active' and ${isVisibleStudent(actor, "s")}
    ),
    notes as (
      select n.student_id, count(*)::int as unacknowledged_notes,
             (array_agg(json_build_object('id', n.id, 'body', n.body, 'createdAt', n.created_at)
                        order by n.created_at desc))[1] as latest_note
        from family_notes n
       where n.student_id in (select student_id from plans) and n.acknowledged_at is null
       group by n.student_id
    )
    select p.id as plan_id, p.student_id, p.student_name, p.tier, p.kind, p.group_id, g.name as group_name,
           p.focus, p.strategy, p.measure, p.minutes_per_session, p.days_per_week,
           p.delivered_by_id, d.display_name as delivered_by_name,
           p.start_date::text, p.review_date::text, p.baseline, p.goal, p.goal_date::text, p.rule_points,
           coalesce(n.unacknowledged_notes, 0) as unacknowledged_notes, n.latest_note
      from plans p
      left join intervention_groups g on g.id = p.group_id
      left join people d on d.id = p.delivered_by_id
      left join notes n on n.student_id = p.student_id`);
  return result.rows;
}

/** The latest scores of each plan (at most twelve, what the decision rule can look at), in one query. */
async function listLatestScores(db: Db, planIds: readonly string[]): Promise<Map<string, ProgressPoint[]>> {
  const byPlan = new Map<string, ProgressPoint[]>();
  if (planIds.length === 0) return byPlan;
  const result = await db.execute<{ plan_id: string; measured_on: string; score: string }>(sql`
    select plan_id, measured_on::text, score from (
      select ps.plan_id, ps.measured_on, ps.score,
             row_number() over (partition by ps.plan_id order by ps.measured_on desc) as position
        from progress_scores ps where ps.plan_id = any(${uuidArray(planIds)})
    ) latest where position <= ${MAX_RULE_POINTS}`);
  for (const row of result.rows) {
    const points = byPlan.get(row.plan_id) ?? [];
    points.push({ measuredOn: row.measured_on, score: Number(row.score) });
    byPlan.set(row.plan_id, points);
  }
  return byPlan;
}

const ORDER = { adjust: 0, consider_exit: 1, overdue: 2, notes: 3, none: 4 } as const;

function rankOf(item: ReviewItem): number {
  if (item.flag) return ORDER[item.flag];
  if (item.isOverdue) return ORDER.overdue;
  return item.unacknowledgedNotes > 0 ? ORDER.notes : ORDER.none;
}

/**
 * The team's review list: every active plan with its decision-rule flag, whether its review is overdue and
 * its unacknowledged family notes. Two queries however many plans. Adjust first, then consider exit,
 * overdue, notes; then by review date.
 */
export async function listReviewItems(
  db: Db,
  actor: Actor,
  communityId: string,
  options: { asOf: string; all: boolean },
): Promise<ReviewItem[]> {
  const plans = await listActivePlans(db, actor, communityId);
  const scores = await listLatestScores(
    db,
    plans.map((p) => p.plan_id),
  );
  const items = plans.map((p): ReviewItem => {
    const aim = { startDate: p.start_date, baseline: Number(p.baseline), goalDate: p.goal_date, goal: Number(p.goal) };
    const rule = applyDecisionRule(aim, scores.get(p.plan_id) ?? [], p.rule_points);
    const isOverdue = p.review_date < options.asOf;
    const unacknowledgedNotes = Number(p.unacknowledged_notes);
    return {
      planId: p.plan_id,
      student: { id: p.student_id, name: p.student_name },
      tier: p.tier,
      kind: p.kind,
      group: p.group_id ? { id: p.group_id, name: p.group_name ?? "" } : null,
      focus: p.focus,
      strategy: p.strategy,
      measure: p.measure,
      minutesPerSession: p.minutes_per_session,
      daysPerWeek: p.days_per_week,
      deliveredBy: p.delivered_by_id ? { id: p.delivered_by_id, name: p.delivered_by_name ?? "" } : null,
      startDate: p.start_date,
      reviewDate: p.review_date,
      baseline: aim.baseline,
      goal: aim.goal,
      goalDate: p.goal_date,
      rulePoints: p.rule_points,
      flag: rule.flag,
      points: rule.window,
      pointsNeeded: rule.pointsNeeded,
      isOverdue,
      unacknowledgedNotes,
      latestNote: p.latest_note
        ? { ...p.latest_note, createdAt: new Date(p.latest_note.createdAt).toISOString() }
        : null,
      isFlagged: rule.flag !== null || isOverdue || unacknowledgedNotes > 0,
    };
  });
  return items
    .filter((item) => options.all || item.isFlagged)
    .sort(
      (a, b) =>
        rankOf(a) - rankOf(b) ||
        a.reviewDate.localeCompare(b.reviewDate) ||
        a.student.name.localeCompare(b.student.name),
    );
}
