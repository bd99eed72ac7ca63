import type { PlanDetail } from "../../../contract/interventions";
import {
  type AimLine,
  applyDecisionRule,
  daysBetween,
  olsTrend,
  type ProgressPoint,
  trendValueOn,
} from "./progress-rules";

type PlanDates = AimLine & { rulePoints: number; daysPerWeek: number | null; closedAt: string | null };
type Attendance = { attendance: "present" | "absent" | "not_held" };

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

/** The rule's flag for a plan over its scores (null for closed plans: nobody needs to act on them). */
export function planFlag(plan: PlanDates & { status: string }, scores: readonly ProgressPoint[]) {
  if (plan.status !== "active") return null;
  return applyDecisionRule(plan, scores, plan.rulePoints).flag;
}

/** The aim line, the trend, the rule's result and fidelity, as the plan page draws and tells them. */
export function progressOf(
  plan: PlanDates,
  scores: readonly ProgressPoint[],
  sessions: readonly Attendance[],
  today: string,
): Pick<PlanDetail, "aim" | "trend" | "rule" | "fidelity"> {
  const span = daysBetween(plan.startDate, plan.goalDate);
  const aim = {
    from: { date: plan.startDate, value: plan.baseline },
    to: { date: plan.goalDate, value: plan.goal },
    slopePerWeek: round(span > 0 ? ((plan.goal - plan.baseline) * 7) / span : 0, 4),
  };
  const sorted = [...scores].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const fitted = olsTrend(plan.startDate, sorted);
  const first = sorted[0];
  const trend =
    fitted && first
      ? {
          from: { date: first.measuredOn, value: round(trendValueOn(fitted, plan.startDate, first.measuredOn), 4) },
          to: { date: plan.goalDate, value: round(trendValueOn(fitted, plan.startDate, plan.goalDate), 4) },
          slopePerWeek: round(fitted.slopePerDay * 7, 4),
        }
      : null;
  const result = applyDecisionRule(plan, sorted, plan.rulePoints);
  const present = sessions.filter((s) => s.attendance === "present").length;
  const held = sessions.filter((s) => s.attendance !== "not_held").length;
  const closedOn = plan.closedAt?.slice(0, 10);
  const until = [today, plan.goalDate, closedOn].filter((d): d is string => !!d).sort()[0] as string;
  const weeks = Math.max(0, Math.floor(daysBetween(plan.startDate, until) / 7));
  return {
    aim,
    trend,
    rule: {
      flag: result.flag,
      rulePoints: plan.rulePoints,
      pointsNeeded: result.pointsNeeded,
      window: result.window.map((p) => ({ ...p, aim: round(p.aim, 4) })),
    },
    fidelity: {
      present,
      held,
      planned: plan.daysPerWeek === null ? null : plan.daysPerWeek * weeks,
      attendancePercent: held === 0 ? null : Math.round((present * 100) / held),
    },
  };
}
