import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { InterventionReport, Share } from "../../../contract/intervention-reports";

type Cell = string | number | null;
/** One section of the report as a table: a CSV block, a worksheet, or a table in the PDF. */
export type ReportSection = { name: string; note?: string; rows: Cell[][] };

/** Text a spreadsheet would run as a formula (=, +, -, @ …) is kept as text (OWASP CSV injection). */
function safe(value: Cell): Cell {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

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

function titleRows(report: InterventionReport): Cell[][] {
  return [["Intervention report", report.scope.label, "From", report.scope.from, "To", report.scope.to]];
}

/** The sections one after another, each under its name, separated by a blank line. */
export function reportCsv(report: InterventionReport): string {
  const rows = [
    ...titleRows(report),
    ...reportSections(report).flatMap((section) => [[], [section.name], ...section.rows]),
  ];
  return `\uFEFF${stringify(rows.map((row) => row.map(safe)))}`;
}

/** One worksheet per section. */
export async function reportXlsx(report: InterventionReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Collective";
  for (const section of reportSections(report)) {
    const sheet = workbook.addWorksheet(section.name.slice(0, 31));
    for (const row of section.rows) sheet.addRow(row.map(safe));
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
