import type { GroupDetail, GroupListItem, GroupMember, PlanDetail, PlanSummary } from "../../../contract/interventions";
import { todayIn } from "../../clock";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import type { GroupTarget, PlanTarget } from "../../policy/rules";
import type { DecisionRow, GroupRow, PlanRow, SessionRow } from "./interventions.queries";
import { planFlag, progressOf } from "./plan-progress";
import type { ProgressPoint } from "./progress-rules";

type Scores = Map<string, (ProgressPoint & { note: string })[]>;
type Sessions = Map<string, SessionRow[]>;

/** The shape the rules judge a group by. */
export function groupTarget(row: GroupRow): GroupTarget {
  return {
    id: row.id,
    districtId: row.district_id,
    community: { id: row.community_id, districtId: row.district_id, schoolIds: row.community_school_ids ?? [] },
    deliveredById: row.delivered_by_id,
  };
}

function person(id: string | null, name: string | null) {
  return id ? { id, name: name ?? "" } : null;
}

function aimOf(plan: PlanRow) {
  return {
    startDate: plan.start_date,
    baseline: plan.baseline,
    goalDate: plan.goal_date,
    goal: plan.goal,
    rulePoints: plan.rule_points,
    daysPerWeek: plan.days_per_week,
    closedAt: plan.closed_at,
    status: plan.status,
  };
}

function flagOf(plan: PlanRow, scores: Scores) {
  return planFlag(aimOf(plan), scores.get(plan.id) ?? []);
}

export function presentGroupListItem(row: GroupRow, plans: readonly PlanRow[], scores: Scores): GroupListItem {
  const own = plans.filter((p) => p.group_id === row.id && p.status === "active");
  return {
    id: row.id,
    communityId: row.community_id,
    communityName: row.community_name,
    kind: row.kind,
    name: row.name,
    tier: row.tier,
    focus: row.focus,
    startDate: row.start_date,
    reviewDate: row.review_date,
    goalDate: row.goal_date,
    closedAt: row.closed_at,
    deliveredBy: person(row.delivered_by_id, row.delivered_by_name),
    memberCount: own.length,
    flaggedCount: own.filter((p) => flagOf(p, scores) !== null).length,
  };
}

export function presentGroupDetail(
  actor: Actor,
  row: GroupRow,
  plans: readonly PlanRow[],
  scores: Scores,
  sessions: Sessions,
  recordable: ReadonlySet<string>,
): GroupDetail {
  const members: GroupMember[] = plans.map((plan) => {
    const own = scores.get(plan.id) ?? [];
    const latest = own[own.length - 1];
    const attended = sessions.get(plan.id) ?? [];
    return {
      planId: plan.id,
      studentId: plan.student_id,
      studentName: plan.student_name,
      tier: plan.tier,
      status: plan.status,
      baseline: plan.baseline,
      goal: plan.goal,
      latestScore: latest?.score ?? null,
      latestMeasuredOn: latest?.measuredOn ?? null,
      flag: flagOf(plan, scores),
      sessionsPresent: attended.filter((s) => s.attendance === "present").length,
      sessionsHeld: attended.filter((s) => s.attendance !== "not_held").length,
      canRecordProgress: recordable.has(plan.id),
    };
  });
  return {
    ...presentGroupListItem(row, plans, scores),
    learningTargetIds: row.learning_target_ids ?? [],
    sourceAssessmentId: row.source_assessment_id,
    strategyResource:
      row.strategy_resource_id && row.strategy_title !== null
        ? { id: row.strategy_resource_id, title: row.strategy_title }
        : null,
    strategy: row.strategy,
    minutesPerSession: row.minutes_per_session,
    daysPerWeek: row.days_per_week,
    schedule: row.schedule,
    measure: row.measure,
    members,
    can: { ...abilities(actor, ["group.update"], groupTarget(row)), recordProgress: recordable.size > 0 },
  };
}

export function presentPlanSummary(plan: PlanRow, scores: Scores): PlanSummary {
  const own = scores.get(plan.id) ?? [];
  const latest = own[own.length - 1];
  return {
    id: plan.id,
    studentId: plan.student_id,
    communityId: plan.community_id,
    communityName: plan.community_name,
    groupId: plan.group_id,
    groupName: plan.group_name,
    kind: plan.kind,
    tier: plan.tier,
    status: plan.status,
    focus: plan.focus,
    measure: plan.measure,
    startDate: plan.start_date,
    reviewDate: plan.review_date,
    goalDate: plan.goal_date,
    deliveredBy: person(plan.delivered_by_id, plan.delivered_by_name),
    latestScore: latest?.score ?? null,
    latestMeasuredOn: latest?.measuredOn ?? null,
    flag: flagOf(plan, scores),
    outcome: plan.outcome,
    closedAt: plan.closed_at,
  };
}

export function presentPlanDetail(
  actor: Actor,
  plan: PlanRow,
  target: PlanTarget,
  scores: Scores,
  sessions: Sessions,
  decisions: readonly DecisionRow[],
): PlanDetail {
  const own = scores.get(plan.id) ?? [];
  const attended = sessions.get(plan.id) ?? [];
  return {
    ...presentPlanSummary(plan, scores),
    student: { id: plan.student_id, name: plan.student_name, grade: plan.student_grade },
    learningTargetIds: plan.learning_target_ids ?? [],
    sourceAssessmentId: plan.source_assessment_id,
    strategyResource:
      plan.strategy_resource_id && plan.strategy_title !== null
        ? { id: plan.strategy_resource_id, title: plan.strategy_title }
        : null,
    strategy: plan.strategy,
    minutesPerSession: plan.minutes_per_session,
    daysPerWeek: plan.days_per_week,
    schedule: plan.schedule,
    baseline: plan.baseline,
    goal: plan.goal,
    rulePoints: plan.rule_points,
    scores: own.map((s) => ({ measuredOn: s.measuredOn, score: s.score, note: s.note })),
    sessions: attended,
    decisions: decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      reason: d.reason,
      tierBefore: d.tier_before,
      tierAfter: d.tier_after,
      flag: d.flag,
      decidedOn: d.decided_on,
      decidedBy: person(d.decided_by_id, d.decided_by_name),
    })),
    ...progressOf(aimOf(plan), own, attended, todayIn(actor.timeZone)),
    can: abilities(actor, ["plan.update", "plan.recordProgress", "plan.decide"], target),
  };
}
