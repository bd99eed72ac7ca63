import { AssessmentDetail, ClassesInput, ItemsInput, TargetsInput } from "../../../contract/assessments";
import { IdParams } from "../../../contract/common";
import { recordAudit } from "../../audit/record-audit";
import { HttpProblem, invalid } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { App } from "../../types";
import { reloadAssessmentDetail, requireAssessment, resolveClassIds } from "./assessment-detail";
import { listAssessmentTargets } from "./assessments.queries";
import { cutScoreProblems } from "./cut-scores";
import { saveItems } from "./save-items";
import { setAssessmentClasses } from "./set-assessment-classes";
import { setCutScores } from "./set-cut-scores";

/** Building an assessment: its items and their alignment, the cut scores per target, the classes it goes to. */
export async function assessmentDesignRoutes(app: App) {
  app.put(
    "/assessments/:id/items",
    {
      config: { policy: "assessment.update" },
      schema: { params: IdParams, body: ItemsInput, response: { 200: AssessmentDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.update");
      const outcome = await saveItems(app.db, row, request.body);
      if (!outcome.ok) {
        const title = outcome.status === 409 ? "Conflict" : "Unprocessable content";
        throw new HttpProblem(outcome.status, title, outcome.detail, outcome.problems);
      }
      await recordAudit(app.db, request, {
        action: "assessment.items_updated",
        subjectType: "assessment",
        subjectId: row.id,
        details: { items: request.body.items.length, added: outcome.added, removed: outcome.removed },
      });
      return reloadAssessmentDetail(app.db, actor, row.id);
    },
  );

  app.put(
    "/assessments/:id/targets",
    {
      config: { policy: "assessment.update" },
      schema: { params: IdParams, body: TargetsInput, response: { 200: AssessmentDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.update");
      const measured = new Map((await listAssessmentTargets(app.db, row.id)).map((t) => [t.targetId, t]));
      const problems = request.body.targets.flatMap((entry, index) => {
        const target = measured.get(entry.targetId);
        if (!target)
          return [
            { pointer: `/body/targets/${index}/targetId`, detail: "The assessment does not measure this target." },
          ];
        return cutScoreProblems(entry.cutScores, target.maxPoints, target.scaleLevels.length).map((p) => ({
          pointer: `/body/targets/${index}/${p.path}`,
          detail: p.message,
        }));
      });
      if (problems.length) invalid("Some cut scores are not valid.", problems);
      await setCutScores(app.db, actorContextOf(request), row.id, request.body.targets);
      return reloadAssessmentDetail(app.db, actor, row.id);
    },
  );

  app.put(
    "/assessments/:id/classes",
    {
      config: { policy: "assessment.update" },
      schema: { params: IdParams, body: ClassesInput, response: { 200: AssessmentDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.update");
      const classIds = await resolveClassIds(app.db, row.communityId, row.id, request.body.classIds);
      await setAssessmentClasses(app.db, actorContextOf(request), row, classIds);
      return reloadAssessmentDetail(app.db, actor, row.id);
    },
  );
}
