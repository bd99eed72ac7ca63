import type { FastifyRequest } from "fastify";
import { AssessmentAnalysis, RollupQuery, TargetRollup } from "../../../contract/analysis";
import { IdParams } from "../../../contract/common";
import { recordAudit } from "../../audit/record-audit";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { isDistrictLeader, schoolsLed } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { requireAssessmentTarget } from "../assessments/assessment-target";
import { analysisJson, presentTargetRollup } from "./analysis.present";
import { queryAssessmentAnalysis } from "./analysis.queries";
import { analysisCsv, analysisXlsx } from "./analysis-export";
import { findSchoolDistrict, queryTargetRollup } from "./target-rollup.queries";

function fileName(title: string, extension: string): string {
  const slug = title
    .replace(/[^\w -]+/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase();
  return `${slug || "assessment"}-analysis.${extension}`;
}

/** Team data analysis: one assessment (as JSON, CSV or XLSX), and proficiency per target across assessments. */
export async function analysisRoutes(app: App) {
  /** The analysis as JSON text, over the students this reader may see; the read is audit-logged. */
  async function loadAnalysis(request: FastifyRequest, id: string, format: string) {
    const actor = requireActor(request);
    const target = await requireAssessmentTarget(app.db, id);
    authorize(actor, "assessment.analyze", target);
    const result = (await queryAssessmentAnalysis(app.db, actor, target.id)) ?? notFound("assessment");
    await recordAudit(app.db, request, {
      action: "assessment.analysis_read",
      subjectType: "assessment",
      subjectId: target.id,
      details: { students: result.studentCount, format },
    });
    return analysisJson(result);
  }

  // No response schema: the body is JSON text PostgreSQL wrote (contract/analysis.ts AssessmentAnalysis),
  // sent as it is so thousands of student rows are not parsed and serialized again.
  app.get(
    "/assessments/:id/analysis",
    { config: { policy: "assessment.analyze" }, schema: { params: IdParams } },
    async (request, reply) => {
      const json = await loadAnalysis(request, request.params.id, "json");
      return reply.type("application/json; charset=utf-8").send(json);
    },
  );

  app.get(
    "/assessments/:id/analysis.csv",
    { config: { policy: "assessment.analyze" }, schema: { params: IdParams } },
    async (request, reply) => {
      const analysis = AssessmentAnalysis.parse(JSON.parse(await loadAnalysis(request, request.params.id, "csv")));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName(analysis.assessment.title, "csv")}"`)
        .send(analysisCsv(analysis));
    },
  );

  app.get(
    "/assessments/:id/analysis.xlsx",
    { config: { policy: "assessment.analyze" }, schema: { params: IdParams } },
    async (request, reply) => {
      const analysis = AssessmentAnalysis.parse(JSON.parse(await loadAnalysis(request, request.params.id, "xlsx")));
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${fileName(analysis.assessment.title, "xlsx")}"`)
        .send(await analysisXlsx(analysis));
    },
  );

  // Counts only, no student appears: leaders read the district's (or a school's) proficiency per target.
  app.get(
    "/analysis/targets",
    {
      config: { policy: "analysis.rollup" },
      schema: { querystring: RollupQuery, response: { 200: TargetRollup } },
    },
    async (request) => {
      const actor = requireActor(request);
      const schoolId = request.query.schoolId ?? null;
      const districtId = schoolId ? ((await findSchoolDistrict(app.db, schoolId)) ?? notFound("school")) : null;
      authorize(actor, "analysis.rollup", { districtId: districtId ?? actor.districtId, schoolId });
      // A school leader without a school named sees the schools they lead.
      const schoolIds = schoolId ? [schoolId] : isDistrictLeader(actor) ? null : [...schoolsLed(actor)];
      const period = { from: request.query.from ?? null, to: request.query.to ?? null };
      const rows = await queryTargetRollup(app.db, actor.districtId, schoolIds, period);
      const rollup = presentTargetRollup(schoolId, period, rows);
      // Counts of students per level are student-level data: audited like the team's analysis.
      await recordAudit(app.db, request, {
        action: "analysis.rollup_read",
        subjectType: schoolId ? "school" : "district",
        subjectId: schoolId ?? actor.districtId,
        details: { schools: schoolIds?.length ?? null, targets: rows.length, ...period },
      });
      return rollup;
    },
  );
}
