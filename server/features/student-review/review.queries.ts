import { sql } from "drizzle-orm";
import type { ReviewCounts, ReviewItem } from "../../../contract/student-review";
import type { Db } from "../../db/client";
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

type PlanWithScores = PlanRow & { score_dates: string[] | null; scores: string[] | null };

/**
 * Active plans of the team over the students the reader may see, each with the latest scores its decision
 * rule looks at (read through progress_scores_uq, newest first, only rule_points of them) and its
 * unacknowledged family notes: one statement however many plans.
 */
async function listActivePlans(db: Db, actor: Actor, communityId: string): Promise<PlanWithScores[]> {
  const result = await db.execute<PlanWithScores>(sql`
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
           coalesce(n.unacknowledged_notes, 0) as unacknowledged_notes, n.latest_note,
           latest.score_dates, latest.scores
      from plans p
      left join intervention_groups g on g.id = p.group_id
      left join people d on d.id = p.delivered_by_id
      left join notes n on n.student_id = p.student_id
      left join lateral (
        select array_agg(ps.measured_on::text) as score_dates, array_agg(ps.score::text) as scores
          from (select measured_on, score from progress_scores
                 where plan_id = p.id order by measured_on desc limit p.rule_points) ps
      ) latest on true`);
  return result.rows;
}

function pointsOf(plan: PlanWithScores): ProgressPoint[] {
  const dates = plan.score_dates ?? [];
  const scores = plan.scores ?? [];
  return dates.map((measuredOn, index) => ({ measuredOn, score: Number(scores[index]) }));
}

const ORDER = { adjust: 0, consider_exit: 1, overdue: 2, notes: 3, none: 4 } as const;

function rankOf(item: ReviewItem): number {
  if (item.flag) return ORDER[item.flag];
  if (item.isOverdue) return ORDER.overdue;
  return item.unacknowledgedNotes > 0 ? ORDER.notes : ORDER.none;
}

/**
 * The team's review list: every active plan with its decision-rule flag, whether its review is overdue and
 * its unacknowledged family notes. One statement however many plans. Adjust first, then consider exit,
 * overdue, notes; then by review date.
 */
export async function listReviewItems(
  db: Db,
  actor: Actor,
  communityId: string,
  options: { asOf: string; all: boolean; limit: number },
): Promise<{ items: ReviewItem[]; total: number; counts: ReviewCounts }> {
  const plans = await listActivePlans(db, actor, communityId);
  const items = plans.map((p): ReviewItem => {
    const aim = { startDate: p.start_date, baseline: Number(p.baseline), goalDate: p.goal_date, goal: Number(p.goal) };
    const rule = applyDecisionRule(aim, pointsOf(p), p.rule_points);
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
  const listed = items
    .filter((item) => options.all || item.isFlagged)
    .sort(
      (a, b) =>
        rankOf(a) - rankOf(b) ||
        a.reviewDate.localeCompare(b.reviewDate) ||
        a.student.name.localeCompare(b.student.name),
    );
  const counts = {
    adjust: listed.filter((item) => item.flag === "adjust").length,
    considerExit: listed.filter((item) => item.flag === "consider_exit").length,
    overdue: listed.filter((item) => item.isOverdue).length,
    notes: listed.filter((item) => item.unacknowledgedNotes > 0).length,
  };
  // A meeting works through the most urgent plans first; the rest wait for the next page or meeting.
  return { items: listed.slice(0, options.limit), total: listed.length, counts };
}
