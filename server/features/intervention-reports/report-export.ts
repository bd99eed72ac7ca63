import type { InterventionReport, Share } from "../../../contract/intervention-reports";
import { type Cell, type ReportSection, sectionsCsv, sectionsXlsx } from "../../reports/sections";

const KIND_LABEL = { intervention: "Intervention", extension: "Extension" } as const;

function shareCells(share: Share): Cell[] {
  return [share.numerator, share.denominator, share.share];
}

/** The team's name, or how a row without a team reads. */
export function teamName(report: InterventionReport, communityId: string | null): string {
  if (communityId === null) return "No team";
  return report.teams.find((t) => t.id === communityId)?.name ?? "Team";
}

/** Every section of the report as tables, with the same numbers the page shows. */
export function reportSections(report: InterventionReport): ReportSection[] {
  const { tiers, overdue, responsiveness, outcomes } = report;
  const tierHeader = ["Team", "Month", "Counted on", "Tier 1", "Tier 2", "Tier 3", "Students"];
  const tierRows = (name: string, months: InterventionReport["tiers"]["total"]) =>
    months.map((m) => [name, m.month, m.asOf, m.tier1, m.tier2, m.tier3, m.tier1 + m.tier2 + m.tier3]);
  return [
    {
      name: "Students by tier",
      note: "Students with an active intervention plan at the end of each month, each counted once at their highest tier.",
      rows: [
        tierHeader,
        ...tierRows("All teams", tiers.total),
        ...tiers.byTeam.flatMap((t) => tierRows(teamName(report, t.communityId), t.months)),
      ],
    },
    {
      name: "Overdue reviews",
      note: `Active plans whose review date has passed (${overdue.total} in all).`,
      rows: [
        ["Team", "Overdue plans"],
        ...overdue.byTeam.map((t) => [teamName(report, t.communityId), t.count]),
        [],
        ["Student", "Team", "Kind", "Tier", "Review date", "Days overdue"],
        ...overdue.plans.map((p) => [
          p.studentName,
          p.communityName,
          KIND_LABEL[p.kind],
          p.tier,
          p.reviewDate,
          p.daysOverdue,
        ]),
      ],
    },
    {
      name: "Responsiveness",
      note:
        "Students below proficiency on an assessment given in the period, responded to in time: on every target " +
        "below proficiency, an intervention plan on that target (or naming no target) already active on the day " +
        "of the assessment or started within the team's response window (school days). A student below on two " +
        "assessments counts twice. A result scored on only some of a target's items is not counted.",
      rows: [
        ["Team", "Response days", "Responded to in time", "Below proficiency", "Share %"],
        ["All teams", null, ...shareCells(responsiveness.total)],
        ...responsiveness.byTeam.map((t) => [teamName(report, t.communityId), t.responseDays, ...shareCells(t)]),
      ],
    },
    {
      name: "Outcomes",
      note: "Plans closed in the period, and how many met their goal.",
      rows: [
        ["Team", "Kind", "Met goal", "Closed", "Share %"],
        ["All teams", "All", ...shareCells(outcomes.total)],
        ...outcomes.byKind.map((k) => ["All teams", KIND_LABEL[k.kind], ...shareCells(k)]),
        ...outcomes.byTeam.map((t) => [teamName(report, t.communityId), KIND_LABEL[t.kind], ...shareCells(t)]),
      ],
    },
  ];
}

/** The sections one after another, each under its name, separated by a blank line. */
export function reportCsv(report: InterventionReport): string {
  return sectionsCsv(
    ["Intervention report", report.scope.label, "From", report.scope.from, "To", report.scope.to],
    reportSections(report),
  );
}

/** One worksheet per section. */
export function reportXlsx(report: InterventionReport): Promise<Buffer> {
  return sectionsXlsx(reportSections(report));
}
