import { sql } from "drizzle-orm";
import type { ChildSupport, ChildSupportPlan, SupportProgress } from "../../../contract/family-voice";
import type { Db } from "../../db/client";
import {
  type AimLine,
  applyDecisionRule,
  meetsGoal,
  olsTrend,
  type ProgressPoint,
  trendValueOn,
} from "../interventions/progress-rules";

type PlanRow = {
  id: string;
  kind: "intervention" | "extension";
  status: "active" | "closed";
  outcome: "met" | "not_met" | null;
  focus: string;
  targets: string[] | null;
  strategy: string;
  resource_title: string | null;
  minutes_per_session: number | null;
  days_per_week: number | null;
  schedule: string;
  delivered_by: string | null;
  start_date: string;
  goal_date: string;
  measure: string;
  baseline: string;
  goal: string;
  rule_points: number;
  scores: ProgressPoint[] | null;
};

/** How a plan is going, in the few states a family page can say in plain words. */
export function progressOf(
  plan: { isActive: boolean; outcome: "met" | "not_met" | null; rulePoints: number },
  aim: AimLine,
  points: readonly ProgressPoint[],
): SupportProgress {
  if (!plan.isActive) return plan.outcome ?? "ended";
  const rule = applyDecisionRule(aim, points, plan.rulePoints);
  if (rule.flag === "adjust") return "reviewing";
  const trend = olsTrend(aim.startDate, points);
  if (!trend || points.length < 3) return "too_early";
  return meetsGoal(aim, trendValueOn(trend, aim.startDate, aim.goalDate)) ? "on_track" : "not_yet_on_track";
}

/**
 * One child's plans as their family sees them, and the notes the family sent. Selects only the plan's own
 * columns and the deliverer's name: never the group, its name, or any other student.
 */
export async function loadChildSupport(db: Db, studentId: string): Promise<ChildSupport> {
  const plans = await db.execute<PlanRow>(sql`
    select p.id, p.kind, p.status, p.outcome, p.focus,
           array(select lt.statement from learning_targets lt where lt.id = any(p.learning_target_ids)
                  order by lt.position, lt.statement) as targets,
           p.strategy, r.title as resource_title, p.minutes_per_session, p.days_per_week, p.schedule,
           d.display_name as delivered_by, p.start_date::text, p.goal_date::text, p.measure, p.baseline, p.goal,
           p.rule_points,
           (select json_agg(json_build_object('measuredOn', ps.measured_on, 'score', ps.score) order by ps.measured_on)
              from progress_scores ps where ps.plan_id = p.id) as scores
      from intervention_plans p
      left join resources r on r.id = p.strategy_resource_id
      left join people d on d.id = p.delivered_by_id
     where p.student_id = ${studentId}
     order by (p.status = 'active') desc, p.start_date desc`);
  const notes = await db.execute<{
    id: string;
    body: string;
    created_at: Date | string;
    acknowledged: boolean;
    replies: { id: string; body: string; language: string; author_name: string | null; created_at: string }[] | null;
  }>(sql`
    select n.id, n.body, n.created_at, n.acknowledged_at is not null as acknowledged,
           (select json_agg(json_build_object('id', r.id, 'body', r.body, 'language', r.language,
                              'author_name', a.display_name, 'created_at', r.created_at) order by r.created_at, r.id)
              from family_note_replies r left join people a on a.id = r.author_id where r.note_id = n.id) as replies
      from family_notes n where n.student_id = ${studentId}
     order by n.created_at desc limit 20`);
  return {
    studentId,
    plans: plans.rows.map((row): ChildSupportPlan => {
      const points = (row.scores ?? []).map((p) => ({ measuredOn: p.measuredOn, score: Number(p.score) }));
      const aim = {
        startDate: row.start_date,
        baseline: Number(row.baseline),
        goalDate: row.goal_date,
        goal: Number(row.goal),
      };
      const latest = points.at(-1) ?? null;
      return {
        id: row.id,
        kind: row.kind,
        isActive: row.status === "active",
        focus: row.focus,
        targets: row.targets ?? [],
        strategy: row.strategy || row.resource_title || "",
        minutesPerSession: row.minutes_per_session,
        daysPerWeek: row.days_per_week,
        schedule: row.schedule,
        deliveredBy: row.delivered_by,
        startDate: row.start_date,
        goalDate: row.goal_date,
        measure: row.measure,
        baseline: aim.baseline,
        goal: aim.goal,
        latestScore: latest,
        progress: progressOf(
          { isActive: row.status === "active", outcome: row.outcome, rulePoints: row.rule_points },
          aim,
          points,
        ),
      };
    }),
    notes: notes.rows.map((n) => ({
      id: n.id,
      body: n.body,
      createdAt: new Date(n.created_at).toISOString(),
      isAcknowledged: n.acknowledged,
      replies: (n.replies ?? []).map((r) => ({
        id: r.id,
        body: r.body,
        language: r.language,
        authorName: r.author_name ?? "",
        createdAt: new Date(r.created_at).toISOString(),
      })),
    })),
  };
}
