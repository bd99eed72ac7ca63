import type { InterventionReport } from "../../../contract/intervention-reports";
import { BOLD, createPdf } from "../../reports/pdf-document";
import { reportSections } from "./report-export";

/** The printable report: the four sections as tables, the overdue list cut to what fits a second page. */
export function renderReportPdf(report: InterventionReport): Promise<Buffer> {
  const pdf = createPdf(`Intervention report: ${report.scope.label}`);
  pdf.doc.font(BOLD).fontSize(16).text(`Intervention report: ${report.scope.label}`);
  pdf.text(`${report.scope.from} to ${report.scope.to} · printed ${report.scope.today}`);
  const [tiers, overdue, responsiveness, outcomes] = reportSections(report);
  for (const section of [tiers, responsiveness, outcomes]) {
    if (!section) continue;
    pdf.heading(section.name);
    if (section.note) pdf.text(section.note);
    pdf.table(section.rows, section.name === "Students by tier" ? [3, 1.2, 1.5, 1, 1, 1, 1.2] : undefined);
  }
  if (overdue) {
    pdf.heading(overdue.name);
    if (overdue.note) pdf.text(overdue.note);
    const blank = overdue.rows.findIndex((row) => row.length === 0);
    pdf.table(overdue.rows.slice(0, blank), [3, 1]);
    const shown = 40;
    const plans = overdue.rows.slice(blank + 1);
    pdf.table(plans.slice(0, shown + 1), [2.5, 2.5, 1.3, 0.7, 1.3, 1.2]);
    if (plans.length - 1 > shown)
      pdf.text(`… and ${plans.length - 1 - shown} more: download the CSV for the full list.`);
  }
  return pdf.finish();
}
