import type { TeamAlert } from "../../../contract/home";

/** Days past its stage's due date after which a cycle counts as stalled. */
export const STALLED_GRACE_DAYS = 7;
/** Days without any recorded work (stage done, learning, implementation, the cycle edited) that stall a cycle. */
export const STALLED_IDLE_DAYS = 21;
/** Days without a held meeting after which a team is shown as not meeting. */
export const NOT_MET_DAYS = 14;
/** Progress monitoring is weekly: a plan's next score is due this many days after its last (or its start). */
export const SCORE_INTERVAL_DAYS = 7;
/** A meeting can be started this long before its start time. */
export const START_EARLY_MS = 15 * 60_000;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export type CycleProgress = { stageDueOn: string | null; lastActivityOn: string };

/**
 * An active cycle is stalled when its current stage is more than STALLED_GRACE_DAYS past its due date, or when
 * nothing has been recorded on it for more than STALLED_IDLE_DAYS (a stage without a due date stalls only so).
 */
export function isCycleStalled(cycle: CycleProgress, today: string): boolean {
  if (cycle.stageDueOn !== null && daysBetween(cycle.stageDueOn, today) > STALLED_GRACE_DAYS) return true;
  return daysBetween(cycle.lastActivityOn, today) > STALLED_IDLE_DAYS;
}

export type TeamState = {
  /** The day of the last meeting held (completed, or started and past), or null if it never met. */
  lastMetOn: string | null;
  /** The day the team was formed: a new team is not "not meeting" before it had the time to. */
  createdOn: string;
  cycleTitle: string | null;
  isCycleStalled: boolean;
  goalsAtRisk: number;
  overdueReviews: number;
};

/** The alerts a leader sees on a team: it has not met in NOT_MET_DAYS, a stalled cycle, goals at risk, reviews overdue. */
export function teamAlerts(team: TeamState, today: string): TeamAlert[] {
  const alerts: TeamAlert[] = [];
  const since = team.lastMetOn ?? team.createdOn;
  if (daysBetween(since, today) > NOT_MET_DAYS) {
    alerts.push({
      kind: "not_met",
      text: team.lastMetOn
        ? `Has not met in ${daysBetween(team.lastMetOn, today)} days`
        : `Has not met since it was formed ${daysBetween(team.createdOn, today)} days ago`,
    });
  }
  if (team.isCycleStalled && team.cycleTitle !== null) {
    alerts.push({ kind: "stalled_cycle", text: `Cycle “${team.cycleTitle}” has stalled` });
  }
  if (team.goalsAtRisk > 0) {
    alerts.push({
      kind: "goal_at_risk",
      text: team.goalsAtRisk === 1 ? "1 goal at risk or off track" : `${team.goalsAtRisk} goals at risk or off track`,
    });
  }
  if (team.overdueReviews > 0) {
    alerts.push({
      kind: "reviews_overdue",
      text:
        team.overdueReviews === 1
          ? "1 student's plan is overdue for review"
          : `${team.overdueReviews} students' plans are overdue for review`,
    });
  }
  return alerts;
}

/** Whether a plan's next progress score is due: its last score (or, without one, its start) is a week old or more. */
export function isScoreDue(plan: { startDate: string; lastScoredOn: string | null }, today: string): boolean {
  return daysBetween(plan.lastScoredOn ?? plan.startDate, today) >= SCORE_INTERVAL_DAYS;
}

/** Whether a meeting can be started (or rejoined) now: from a quarter of an hour before it until it ends. */
export function canStartMeeting(
  meeting: { startsAt: string; endsAt: string; status: "scheduled" | "in_progress" | "completed" | "cancelled" },
  now: Date,
): boolean {
  if (meeting.status === "completed" || meeting.status === "cancelled") return false;
  const t = now.getTime();
  return t >= Date.parse(meeting.startsAt) - START_EARLY_MS && t < Date.parse(meeting.endsAt);
}
