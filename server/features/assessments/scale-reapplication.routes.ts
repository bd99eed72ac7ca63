import { IdParams } from "../../../contract/common";
import { ScaleReapplication } from "../../../contract/scale-reapplication";
import { recordAudit } from "../../audit/record-audit";
import { conflict } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { App } from "../../types";
import { requireAssessment } from "./assessment-detail";
import type { AssessmentRow } from "./assessments.queries";
import { reapplyScale } from "./reapply-scale";

function requireClosed(row: AssessmentRow): void {
  if (row.status !== "closed") {
    conflict("Only a closed assessment keeps the scale it was scored with; this one follows its targets' scales.");
  }
}

/** Re-applying the current scale to a closed assessment: a preview that changes nothing, then a confirmation. */
export async function scaleReapplicationRoutes(app: App) {
  app.get(
    "/assessments/:id/scale-reapplication",
    {
      config: { policy: "assessment.update" },
      schema: { params: IdParams, response: { 200: ScaleReapplication } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.update");
      requireClosed(row);
      const preview = await reapplyScale(app.db, actorContextOf(request), row.id, false);
      // The preview names students whose level would change: a read of student-level data, audited as such.
      await recordAudit(app.db, request, {
        action: "assessment.scale_preview_read",
        subjectType: "assessment",
        subjectId: row.id,
        details: { students: preview.targets.reduce((sum, t) => sum + t.changes.length, 0) },
      });
      return preview;
    },
  );

  app.post(
    "/assessments/:id/scale-reapplication",
    {
      config: { policy: "assessment.update" },
      schema: { params: IdParams, response: { 200: ScaleReapplication } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.update");
      requireClosed(row);
      return reapplyScale(app.db, actorContextOf(request), row.id, true);
    },
  );
}
