import type { FastifyRequest } from "fastify";
import { IdParams } from "../../../contract/common";
import { InterventionReport, InterventionReportQuery } from "../../../contract/intervention-reports";
import { recordAudit } from "../../audit/record-audit";
import { todayIn } from "../../clock";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import { loadStudentTarget } from "../../policy/student-scope";
import type { App } from "../../types";
import { findSchoolDistrict } from "../analysis/target-rollup.queries";
import { buildInterventionReport, resolvePeriod } from "./build-report";
import { loadStudentHistory, renderHistoryPdf } from "./intervention-history";
import { reportCsv, reportXlsx } from "./report-export";
import { renderReportPdf } from "./report-pdf";

function fileName(report: InterventionReport, extension: string): string {
  const slug = report.scope.label
    .replace(/[^\w -]+/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase();
  return `interventions-${slug || "report"}-${report.scope.from}-${report.scope.to}.${extension}`;
}

/** Intervention reports for school and district leaders, and a student's printable support history. */
export async function interventionReportsRoutes(app: App) {
  /** The report for the asked scope and period; the read names students (overdue plans), so it is audit-logged. */
  async function loadReport(request: FastifyRequest, query: InterventionReportQuery, format: string) {
    const actor = requireActor(request);
    const schoolId = query.schoolId ?? null;
    const districtId = schoolId
      ? ((await findSchoolDistrict(app.db, schoolId)) ?? notFound("school"))
      : actor.districtId;
    authorize(actor, "interventionReport.read", { districtId, schoolId });
    const period = resolvePeriod(query, todayIn(actor.timeZone));
    const report = await buildInterventionReport(app.db, actor, schoolId, period);
    await recordAudit(app.db, request, {
      action: "interventionReport.read",
      subjectType: schoolId ? "school" : "district",
      subjectId: schoolId ?? actor.districtId,
      details: {
        format,
        from: period.from,
        to: period.to,
        students: new Set(report.overdue.plans.map((p) => p.studentId)).size,
      },
    });
    return report;
  }

  const reportConfig = { config: { policy: "interventionReport.read" as const } };

  app.get(
    "/reports/interventions",
    { ...reportConfig, schema: { querystring: InterventionReportQuery, response: { 200: InterventionReport } } },
    (request) => loadReport(request, request.query, "json"),
  );

  app.get(
    "/reports/interventions.csv",
    { ...reportConfig, schema: { querystring: InterventionReportQuery } },
    async (request, reply) => {
      const report = await loadReport(request, request.query, "csv");
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName(report, "csv")}"`)
        .send(reportCsv(report));
    },
  );

  app.get(
    "/reports/interventions.xlsx",
    { ...reportConfig, schema: { querystring: InterventionReportQuery } },
    async (request, reply) => {
      const report = await loadReport(request, request.query, "xlsx");
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${fileName(report, "xlsx")}"`)
        .send(await reportXlsx(report));
    },
  );

  app.get(
    "/reports/interventions.pdf",
    { ...reportConfig, schema: { querystring: InterventionReportQuery } },
    async (request, reply) => {
      const report = await loadReport(request, request.query, "pdf");
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${fileName(report, "pdf")}"`)
        .send(await renderReportPdf(report));
    },
  );

  app.get(
    "/students/:id/intervention-history.pdf",
    // The same rule as the JSON history (GET /students/:id/plans): staff only; families use the family view.
    { config: { policy: "student.readPlans" }, schema: { params: IdParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const target = (await loadStudentTarget(app.db, request.params.id)) ?? notFound("student");
      authorize(actor, "student.readPlans", target);
      const history = (await loadStudentHistory(app.db, target.id)) ?? notFound("student");
      await recordAudit(app.db, request, {
        action: "student.intervention_history_printed",
        subjectType: "student",
        subjectId: target.id,
        details: { plans: history.plans.length },
      });
      const pdf = await renderHistoryPdf(history, todayIn(actor.timeZone));
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="support-history-${target.id.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );
}
