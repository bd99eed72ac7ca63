import { DateTime } from "luxon";
import type {
  InterventionReport,
  InterventionReportQuery,
  Share,
  TierCount,
} from "../../../contract/intervention-reports";
import type { Db } from "../../db/client";
import { invalid } from "../../errors";
import { type Actor, isDistrictLeader, schoolsLed } from "../../policy/actor";
import { outcomesOf, tiersByMonth } from "./period-counts";
import {
  type Period,
  queryNames,
  queryOverduePlans,
  queryPeriodPlans,
  queryResponsiveness,
  type ReportScope,
} from "./report.queries";

const MAX_MONTHS = 36;

/** The requested period (ending today at the latest), or 1 August of the current school year to today. */
export function resolvePeriod(query: Pick<InterventionReportQuery, "from" | "to">, today: string): Period {
  const now = DateTime.fromISO(today, { zone: "utc" });
  const schoolYear = now.month >= 8 ? now.year : now.year - 1;
  const from = query.from ?? `${schoolYear}-08-01`;
  // Nothing is counted after today, so a period reaching into the future ends today.
  const to = [query.to ?? today, today].sort()[0] as string;
  if (from > to)
    invalid("The period must start before it ends.", [{ pointer: "/querystring/from", detail: "After the end" }]);
  const months = DateTime.fromISO(to).diff(DateTime.fromISO(from), "months").months;
  if (months > MAX_MONTHS) invalid(`The period may cover at most ${MAX_MONTHS} months.`);
  return { from, to, today };
}

/** Each month of the period with the day it is counted on: its last day, or the period's end or today. */
export function monthsOf(period: Period): { month: string; asOf: string }[] {
  const earliest = (...days: string[]) => [...days].sort()[0] as string;
  const months: { month: string; asOf: string }[] = [];
  for (
    let m = DateTime.fromISO(period.from).startOf("month");
    (m.toISODate() ?? period.to) <= period.to;
    m = m.plus({ months: 1 })
  ) {
    const end = m.endOf("month").toISODate() as string;
    months.push({ month: m.toFormat("yyyy-MM"), asOf: earliest(end, period.to, period.today) });
  }
  return months;
}

export function shareOf(numerator: number, denominator: number): Share {
  return { numerator, denominator, share: denominator > 0 ? Math.round((1000 * numerator) / denominator) / 10 : null };
}

/** The scope a reader asked for: one school, or (without one) the district or the schools they lead. */
export function scopeFor(actor: Actor, schoolId: string | null): ReportScope {
  if (schoolId) return { districtId: actor.districtId, schoolIds: [schoolId] };
  return { districtId: actor.districtId, schoolIds: isDistrictLeader(actor) ? null : [...schoolsLed(actor)] };
}

/** The four sections of the report, over the scope and the period; the statements run side by side. */
export async function buildInterventionReport(
  db: Db,
  actor: Actor,
  schoolId: string | null,
  period: Period,
): Promise<InterventionReport> {
  const scope = scopeFor(actor, schoolId);
  const months = monthsOf(period);
  const [periodPlans, overdueRows, responsivenessRows] = await Promise.all([
    queryPeriodPlans(db, scope, period),
    queryOverduePlans(db, actor, scope, period.today),
    queryResponsiveness(db, scope, period),
  ]);
  const tierRows = tiersByMonth(periodPlans, months);
  const outcomeRows = outcomesOf(periodPlans, period);
  const teamIds = new Set<string>();
  for (const row of [...tierRows, ...responsivenessRows]) if (row.community_id) teamIds.add(row.community_id);
  for (const row of [...overdueRows, ...outcomeRows]) teamIds.add(row.community_id);
  const pickable = isDistrictLeader(actor) ? null : [...schoolsLed(actor)];
  const names = await queryNames(db, actor.districtId, [...teamIds], pickable);
  const teams = names.filter((n) => n.kind === "team").map(({ id, name }) => ({ id, name }));
  const schools = names.filter((n) => n.kind === "school").map(({ id, name }) => ({ id, name }));
  const teamOrder = new Map(teams.map((t, index) => [t.id, index]));
  const byTeamName = <T extends { communityId: string | null }>(rows: T[]) =>
    rows.sort((a, b) => (teamOrder.get(a.communityId ?? "") ?? -1) - (teamOrder.get(b.communityId ?? "") ?? -1));

  const tierSeries = (communityId: string | null): TierCount[] =>
    months.map(({ month, asOf }) => {
      const at = (tier: number) =>
        tierRows.find((r) => r.month === month && r.community_id === communityId && r.tier === tier)?.students ?? 0;
      return { month, asOf, tier1: at(1), tier2: at(2), tier3: at(3) };
    });
  const tierTeams = [...new Set(tierRows.flatMap((r) => (r.community_id ? [r.community_id] : [])))];

  const overdueCounts = new Map<string, number>();
  for (const row of overdueRows) overdueCounts.set(row.community_id, (overdueCounts.get(row.community_id) ?? 0) + 1);

  const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const kinds = ["intervention", "extension"] as const;

  return {
    scope: {
      schoolId,
      label: schoolId
        ? (schools.find((s) => s.id === schoolId)?.name ?? "School")
        : isDistrictLeader(actor)
          ? "Whole district"
          : "Your schools",
      ...period,
    },
    schools,
    teams,
    tiers: {
      total: tierSeries(null),
      byTeam: byTeamName(tierTeams.map((communityId) => ({ communityId, months: tierSeries(communityId) }))),
    },
    overdue: {
      total: overdueRows.length,
      byTeam: byTeamName([...overdueCounts].map(([communityId, count]) => ({ communityId, count }))),
      plans: overdueRows.map((r) => ({
        planId: r.plan_id,
        studentId: r.student_id,
        studentName: r.student_name,
        communityId: r.community_id,
        communityName: r.community_name,
        kind: r.kind,
        tier: r.tier,
        reviewDate: r.review_date,
        daysOverdue: r.days_overdue,
      })),
    },
    responsiveness: {
      total: shareOf(
        sum(responsivenessRows, (r) => r.responded),
        sum(responsivenessRows, (r) => r.below),
      ),
      byTeam: byTeamName(
        responsivenessRows.map((r) => ({
          communityId: r.community_id,
          responseDays: r.response_days,
          ...shareOf(r.responded, r.below),
        })),
      ),
    },
    outcomes: {
      total: shareOf(
        sum(outcomeRows, (r) => r.met),
        sum(outcomeRows, (r) => r.closed),
      ),
      byKind: kinds.map((kind) => {
        const rows = outcomeRows.filter((r) => r.kind === kind);
        return {
          kind,
          ...shareOf(
            sum(rows, (r) => r.met),
            sum(rows, (r) => r.closed),
          ),
        };
      }),
      byTeam: byTeamName(
        outcomeRows.map((r) => ({ communityId: r.community_id, kind: r.kind, ...shareOf(r.met, r.closed) })),
      ),
    },
  };
}
