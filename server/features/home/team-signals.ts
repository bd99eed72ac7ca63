import type { HomeCycle, TeamSignals } from "../../../contract/home";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { computeProgress } from "../goals/goal-progress";
import type { GoalRow } from "../goals/goals.queries";
import { shareOf } from "../intervention-reports/build-report";
import type { ResponsivenessRow } from "../intervention-reports/report.queries";
import { isCycleStalled, teamAlerts } from "./home-rules";
import type { TeamSignalRow } from "./team-signals.queries";

const AT_RISK = new Set(["at_risk", "off_track"]);

/** A team's active cycles as the homes show them, each with whether it has stalled (isCycleStalled). */
export function presentCycles(row: TeamSignalRow, today: string): HomeCycle[] {
  return (row.cycles ?? []).map((cycle) => ({
    id: cycle.id,
    title: cycle.title,
    community: { id: row.id, name: row.name },
    stage: cycle.stage,
    stageDueOn: cycle.stageDueOn,
    isStalled: isCycleStalled({ stageDueOn: cycle.stageDueOn, lastActivityOn: cycle.activityOn }, today),
  }));
}

/** The cycle a team's row shows: a stalled one first (a leader must see it), else the most recently started. */
function cycleToShow(cycles: HomeCycle[]): HomeCycle | null {
  return cycles.find((cycle) => cycle.isStalled) ?? cycles[0] ?? null;
}

/** The share of a team's (or school's) below-proficient students who were responded to, counted as students. */
export function studentShare(row: ResponsivenessRow | undefined) {
  if (!row) return null;
  const share = shareOf(row.students_responded, row.students_below);
  return { students: share.numerator, of: share.denominator, share: share.share };
}

/** Running goals and those at risk or off track, by team, with their statuses measured over the reader's students (computeProgress). */
export async function goalsByTeam(db: Db, actor: Actor, goals: readonly GoalRow[], today: string, now: Date) {
  const progress = await computeProgress(db, actor, goals, today, now);
  const byTeam = new Map<string, { total: number; atRisk: number }>();
  for (const goal of goals) {
    // A goal past its due date is met or not met, no longer at risk: a team's row counts its running goals.
    if (!goal.community || goal.dueOn < today) continue;
    const counts = byTeam.get(goal.community.id) ?? { total: 0, atRisk: 0 };
    counts.total++;
    if (AT_RISK.has(progress.get(goal.id)?.status ?? "no_data")) counts.atRisk++;
    byTeam.set(goal.community.id, counts);
  }
  return { progress, byTeam };
}

/** Each team's row, its goals and responsiveness put together, with the alerts a leader should see. */
export function presentTeamSignals(
  rows: readonly TeamSignalRow[],
  goals: Map<string, { total: number; atRisk: number }>,
  responsiveness: Map<string, ResponsivenessRow> | null,
  today: string,
): TeamSignals[] {
  return rows.map((row) => {
    const cycle = cycleToShow(presentCycles(row, today));
    const teamGoals = goals.get(row.id) ?? { total: 0, atRisk: 0 };
    const lastMetOn = row.last_meeting_at ? new Date(row.last_meeting_at).toISOString().slice(0, 10) : null;
    return {
      community: { id: row.id, name: row.name },
      schoolIds: row.school_ids,
      lastMeeting:
        row.last_meeting_id && row.last_meeting_at
          ? {
              id: row.last_meeting_id,
              startsAt: new Date(row.last_meeting_at).toISOString(),
              present: row.last_meeting_present,
              members: row.members,
            }
          : null,
      cycle,
      goals: teamGoals,
      responsiveness: responsiveness === null ? null : studentShare(responsiveness.get(row.id)),
      overdueReviews: row.overdue_students,
      normTrend: row.norm_trend ?? [],
      alerts: teamAlerts(
        {
          lastMetOn,
          createdOn: row.created_on,
          cycleTitle: cycle?.title ?? null,
          isCycleStalled: cycle?.isStalled ?? false,
          goalsAtRisk: teamGoals.atRisk,
          overdueReviews: row.overdue_students,
        },
        today,
      ),
    };
  });
}
