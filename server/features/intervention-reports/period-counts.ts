import type { OutcomeRow, Period } from "./report.queries";

/** A plan as the tier count and the outcomes read it: its dates, starting tier, outcome and decisions in order. */
export type PeriodPlan = {
  studentId: string;
  communityId: string;
  kind: "intervention" | "extension";
  tier: number;
  startDate: string;
  /** The day it closed, or null while active. */
  closedOn: string | null;
  outcome: "met" | "not_met" | null;
  /** [decided on, tier after], ordered by day and, within a day, by when they were recorded. */
  decisions: [string, number][];
};

export type TierRow = { month: string; as_of: string; community_id: string | null; tier: number; students: number };

/** The plan's tier on a day: the tier after its latest decision on or before that day, else its starting tier. */
export function tierOn(plan: PeriodPlan, day: string): number {
  let tier = plan.tier;
  for (const [decidedOn, tierAfter] of plan.decisions) {
    if (decidedOn > day) break;
    tier = tierAfter;
  }
  return tier;
}

function isActiveOn(plan: PeriodPlan, day: string): boolean {
  return plan.startDate <= day && (plan.closedOn === null || plan.closedOn > day);
}

function countTiers(highest: Map<string, { communityId: string | null; tier: number }>) {
  const counts = new Map<string, { communityId: string | null; tier: number; students: number }>();
  for (const { communityId, tier } of highest.values()) {
    const key = `${communityId ?? ""}|${tier}`;
    const entry = counts.get(key) ?? { communityId, tier, students: 0 };
    entry.students += 1;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

/** Plans closed in the period, and how many met their goal, per team and kind. */
export function outcomesOf(plans: readonly PeriodPlan[], period: Period): OutcomeRow[] {
  const rows = new Map<string, OutcomeRow>();
  for (const plan of plans) {
    if (plan.closedOn === null || plan.closedOn < period.from || plan.closedOn > period.to) continue;
    const key = `${plan.communityId}|${plan.kind}`;
    const row = rows.get(key) ?? { community_id: plan.communityId, kind: plan.kind, closed: 0, met: 0 };
    row.closed += 1;
    if (plan.outcome === "met") row.met += 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/**
 * Students by tier on each month's counting day: distinct students with an active intervention plan, each at
 * the highest tier of their plans that day, per team and across teams (community_id null).
 */
export function tiersByMonth(plans: readonly PeriodPlan[], months: readonly { month: string; asOf: string }[]) {
  const rows: TierRow[] = [];
  for (const { month, asOf } of months) {
    const perTeam = new Map<string, { communityId: string | null; tier: number }>();
    const perStudent = new Map<string, { communityId: string | null; tier: number }>();
    for (const plan of plans) {
      if (plan.kind !== "intervention" || !isActiveOn(plan, asOf)) continue;
      const tier = tierOn(plan, asOf);
      const teamKey = `${plan.communityId}|${plan.studentId}`;
      if ((perTeam.get(teamKey)?.tier ?? 0) < tier) perTeam.set(teamKey, { communityId: plan.communityId, tier });
      if ((perStudent.get(plan.studentId)?.tier ?? 0) < tier)
        perStudent.set(plan.studentId, { communityId: null, tier });
    }
    for (const { communityId, tier, students } of [...countTiers(perTeam), ...countTiers(perStudent)]) {
      rows.push({ month, as_of: asOf, community_id: communityId, tier, students });
    }
  }
  return rows;
}
