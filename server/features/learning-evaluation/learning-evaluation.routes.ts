import type { FastifyRequest } from "fastify";
import { LearningEvaluation, LearningEvaluationQuery } from "../../../contract/learning-evaluation";
import { recordAudit } from "../../audit/record-audit";
import { now, todayIn } from "../../clock";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { findSchool } from "../home/leader-home.queries";
import { resolvePeriod } from "../intervention-reports/build-report";
import { buildLearningEvaluation } from "./build-evaluation";
import { evaluationCsv, evaluationPdf, evaluationXlsx } from "./evaluation-export";

const FORMATS = {
  csv: { type: "text/csv; charset=utf-8", render: evaluationCsv },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", render: evaluationXlsx },
  pdf: { type: "application/pdf", render: evaluationPdf },
} as const;

function fileName(evaluation: LearningEvaluation, extension: string): string {
  const slug = evaluation.scope.label
    .replace(/[^\w -]+/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase();
  return `professional-learning-${slug || "report"}-${evaluation.scope.from}-${evaluation.scope.to}.${extension}`;
}

/**
 * The evaluation of professional learning for school and district leaders, as JSON for the page and as a
 * board-ready PDF, CSV and XLSX. Team figures only: no student is named; the read is audit-logged all the same.
 */
export async function learningEvaluationRoutes(app: App) {
  async function load(request: FastifyRequest<{ Querystring: LearningEvaluationQuery }>, format: string) {
    const actor = requireActor(request);
    const { schoolId } = request.query;
    const school = schoolId ? ((await findSchool(app.db, schoolId)) ?? notFound("school")) : null;
    authorize(actor, "learningEvaluation.read", {
      districtId: school?.district_id ?? actor.districtId,
      schoolId: school?.id ?? null,
    });
    const period = resolvePeriod(request.query, todayIn(actor.timeZone));
    const scope = school
      ? { kind: "school" as const, id: school.id, label: school.name }
      : { kind: "district" as const, id: actor.districtId, label: actor.districtName };
    const evaluation = await buildLearningEvaluation(app.db, actor, scope, period, now());
    await recordAudit(app.db, request, {
      action: "learningEvaluation.read",
      subjectType: scope.kind,
      subjectId: scope.id,
      details: { format, from: period.from, to: period.to, teams: evaluation.teams.length },
    });
    return evaluation;
  }

  const config = { config: { policy: "learningEvaluation.read" as const } };
  app.get(
    "/reports/learning",
    { ...config, schema: { querystring: LearningEvaluationQuery, response: { 200: LearningEvaluation } } },
    (request) => load(request, "json"),
  );
  for (const [extension, format] of Object.entries(FORMATS)) {
    app.get(
      `/reports/learning.${extension}`,
      { ...config, schema: { querystring: LearningEvaluationQuery } },
      async (request, reply) => {
        const evaluation = await load(request, extension);
        return reply
          .type(format.type)
          .header("content-disposition", `attachment; filename="${fileName(evaluation, extension)}"`)
          .send(await format.render(evaluation));
      },
    );
  }
}
