import {
  AssessmentDetail,
  AssessmentInput,
  AssessmentList,
  AssessmentPatch,
  DeleteAssessmentQuery,
} from "../../../contract/assessments";
import { IdParams, Ok } from "../../../contract/common";
import { recordAudit } from "../../audit/record-audit";
import { conflict } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import { abilities, authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { requireCommunity } from "../communities/communities.queries";
import { assessmentDesignRoutes } from "./assessment-design.routes";
import { loadAssessmentDetail, reloadAssessmentDetail, requireAssessment, resolveClassIds } from "./assessment-detail";
import { presentAssessment } from "./assessments.present";
import { countResults, listAssessments } from "./assessments.queries";
import { createAssessment } from "./create-assessment";
import { deleteAssessment } from "./delete-assessment";
import { resultsRoutes } from "./results.routes";
import { scaleReapplicationRoutes } from "./scale-reapplication.routes";
import { updateAssessment } from "./update-assessment";

/** Common formative assessments: a team's list, creating one, reading, editing and deleting it. */
export async function assessmentsRoutes(app: App) {
  app.get(
    "/communities/:id/assessments",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: AssessmentList } } },
    async (request) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "community.read", community);
      // Guests read the community but not its assessments; the list keeps what each may read.
      const rows = (await listAssessments(app.db, community.id)).filter((row) =>
        can(actor, "assessment.read", row.target),
      );
      // Each assessment's count of students with results is student-level data: the read is audited.
      await recordAudit(app.db, request, {
        action: "assessment.list",
        subjectType: "community",
        subjectId: community.id,
        details: { assessments: rows.length, students: rows.reduce((sum, row) => sum + row.sittingCount, 0) },
      });
      return {
        items: rows.map((row) => presentAssessment(actor, row)),
        can: abilities(actor, ["assessment.create"], community),
      };
    },
  );

  app.post(
    "/communities/:id/assessments",
    {
      config: { policy: "assessment.create" },
      schema: { params: IdParams, body: AssessmentInput, response: { 201: AssessmentDetail } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const community = await requireCommunity(app.db, request.params.id);
      authorize(actor, "assessment.create", community);
      const { classIds, ...fields } = request.body;
      const chosen = await resolveClassIds(app.db, community.id, null, classIds);
      const id = await createAssessment(app.db, actorContextOf(request), community.id, fields, chosen);
      return reply.code(201).send(await reloadAssessmentDetail(app.db, actor, id));
    },
  );

  app.get(
    "/assessments/:id",
    { config: { policy: "assessment.read" }, schema: { params: IdParams, response: { 200: AssessmentDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.read");
      const detail = await loadAssessmentDetail(app.db, actor, row);
      // Students with results, and students per class: student-level counts, audited like other reads.
      await recordAudit(app.db, request, {
        action: "assessment.read",
        subjectType: "assessment",
        subjectId: row.id,
        details: { students: row.sittingCount },
      });
      return detail;
    },
  );

  app.patch(
    "/assessments/:id",
    {
      config: { policy: "assessment.update" },
      schema: { params: IdParams, body: AssessmentPatch, response: { 200: AssessmentDetail } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.update");
      await updateAssessment(app.db, actorContextOf(request), row, request.body);
      return reloadAssessmentDetail(app.db, actor, row.id);
    },
  );

  app.delete(
    "/assessments/:id",
    {
      config: { policy: "assessment.update" },
      schema: { params: IdParams, querystring: DeleteAssessmentQuery, response: { 200: Ok } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.update");
      const results = await countResults(app.db, row.id);
      if (results > 0 && request.query.confirm !== "true") {
        conflict(
          `This assessment has results for ${row.sittingCount} students; deleting it deletes them. Confirm to delete.`,
        );
      }
      await deleteAssessment(app.db, actorContextOf(request), row);
      return { ok: true as const };
    },
  );

  await app.register(assessmentDesignRoutes);
  await app.register(resultsRoutes);
  await app.register(scaleReapplicationRoutes);
}
