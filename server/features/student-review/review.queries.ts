import { sql } from "drizzle-orm";
import type { ReviewCounts, ReviewItem } from "../../../contract/student-review";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";
import { applyDecisionRule, type ProgressPoint } from "../interventions/progress-rules";

/** What the decision rule, the overdue check and the order need, for every active plan of the team. */
type RuleRow = {
  plan_id: string;
  student_id: string;
  student_name: string;
  start_date: string;
  review_date: string;
  baseline: string;
  goal: string;
  goal_date: string;
  rule_points: number;
  unacknowledged_notes: number;
  score_dates: string[] | null;
  scores: string[] | null;
};

/** The rest of a plan, read only for the plans the list shows. */
type DetailRow = {
  plan_id: string;
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
  latest_note: { id: string; body: string; createdAt: string } | null;
};

/**
 * Active plans of the team over the students the reader may see, each with the latest scores its decision
 * rule looks at (read through progress_scores_uq, newest first, only rule_points of them) and its count of
 * unacknowledged family notes: one statement however many plans, reading only what ranks them.
 */
async function listRuleRows(db: Db, actor: Actor, communityId: string): Promise<RuleRow[]> {
  const result = await db.execute<RuleRow>(sql`
    with plans as (
      select p.id, p.student_id, p.start_date, p.review_date, p.baseline, p.goal, p.goal_date, p.rule_points,
             trim(coalesce(nullif(trim(s.preferred_name), ''), s.given_name) || ' ' || s.family_name) as student_name
        from intervention_plans p
        join students s on s.id = p.student_id
       where p.community_id = ${communityId} and p.status = 'active' and ${isVisibleStudent(actor, "s")}
    ),
    notes as (
      select n.student_id, count(*)::int as unacknowledged_notes
        from family_notes n
       where n.student_id in (select student_id from plans) and n.acknowledged_at is null
       group by n.student_id
    )
    select p.id as plan_id, p.student_id, p.student_name,
           p.start_date::text, p.review_date::text, p.baseline, p.goal, p.goal_date::text, p.rule_points,
           coalesce(n.unacknowledged_notes, 0) as unacknowledged_notes, latest.score_dates, latest.scores
      from plans p
      left join notes n on n.student_id = p.student_id
      left join lateral (
        select array_agg(ps.measured_on::text) as score_dates, array_agg(ps.score::text) as scores
          from (select measured_on, score from progress_scores
                 where plan_id = p.id order by measured_on desc limit p.rule_points) ps
      ) latest on true`);
  return result.rows;
}

/** Group, deliverer, delivery and the latest unacknowledged family note of the plans to show, by id. */
async function loadDetails(db: Db, planIds: string[]): Promise<Map<string, DetailRow>> {
  if (planIds.length === 0) return new Map();
  const result = await db.execute<DetailRow>(sql`
    select p.id as plan_id, p.tier, p.kind, p.group_id, g.name as group_name, p.focus, p.strategy, p.measure,
           p.minutes_per_session, p.days_per_week, p.delivered_by_id, d.display_name as delivered_by_name,
           (select json_build_object('id', n.id, 'body', n.body, 'createdAt', n.created_at)
              from family_notes n
             where n.student_id = p.student_id and n.acknowledged_at is null
             order by n.created_at desc limit 1) as latest_note
      from intervention_plans p
      left join intervention_groups g on g.id = p.group_id
      left join people d on d.id = p.delivered_by_id
     where p.id = any(${uuidArray(planIds)})`);
  return new Map(result.rows.map((row) => [row.plan_id, row]));
}

function pointsOf(plan: RuleRow): ProgressPoint[] {
  const dates = plan.score_dates ?? [];
  const scores = plan.scores ?? [];
  return dates.map((measuredOn, index) => ({ measuredOn, score: Number(scores[index]) }));
}

const ORDER = { adjust: 0, consider_exit: 1, overdue: 2, notes: 3, none: 4 } as const;

type Ranked = { rule: { flag: ReviewItem["flag"] }; isOverdue: boolean; unacknowledgedNotes: number };

function rankOf(item: Ranked): number {
  if (item.rule.flag) return ORDER[item.rule.flag];
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
  const ranked = (await listRuleRows(db, actor, communityId)).map((p) => {
    const aim = { startDate: p.start_date, baseline: Number(p.baseline), goalDate: p.goal_date, goal: Number(p.goal) };
    const rule = applyDecisionRule(aim, pointsOf(p), p.rule_points);
    const isOverdue = p.review_date < options.asOf;
    const unacknowledgedNotes = Number(p.unacknowledged_notes);
    const isFlagged = rule.flag !== null || isOverdue || unacknowledgedNotes > 0;
    return { row: p, aim, rule, isOverdue, unacknowledgedNotes, isFlagged };
  });
  const listed = ranked
    .filter((item) => options.all || item.isFlagged)
    .sort(
      (a, b) =>
        rankOf(a) - rankOf(b) ||
        a.row.review_date.localeCompare(b.row.review_date) ||
        a.row.student_name.localeCompare(b.row.student_name),
    );
  const counts = {
    adjust: listed.filter((item) => item.rule.flag === "adjust").length,
    considerExit: listed.filter((item) => item.rule.flag === "consider_exit").length,
    overdue: listed.filter((item) => item.isOverdue).length,
    notes: listed.filter((item) => item.unacknowledgedNotes > 0).length,
  };
  const shown = listed.slice(0, options.limit);
  const details = await loadDetails(
    db,
    shown.map((item) => item.row.plan_id),
  );
  const items = shown.flatMap(({ row: p, aim, rule, isOverdue, unacknowledgedNotes, isFlagged }): ReviewItem[] => {
    const d = details.get(p.plan_id);
    // A plan closed between the two reads has left the list.
    if (!d) return [];
    return [
      {
        planId: p.plan_id,
        student: { id: p.student_id, name: p.student_name },
        tier: d.tier,
        kind: d.kind,
        group: d.group_id ? { id: d.group_id, name: d.group_name ?? "" } : null,
        focus: d.focus,
        strategy: d.strategy,
        measure: d.measure,
        minutesPerSession: d.minutes_per_session,
        daysPerWeek: d.days_per_week,
        deliveredBy: d.delivered_by_id ? { id: d.delivered_by_id, name: d.delivered_by_name ?? "" } : null,
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
        latestNote: d.latest_note
          ? { ...d.latest_note, createdAt: new Date(d.latest_note.createdAt).toISOString() }
          : null,
        isFlagged,
      },
    ];
  });
  // A meeting works through the most urgent plans first; the rest wait for the next page or meeting.
  return { items, total: listed.length, counts };
}
