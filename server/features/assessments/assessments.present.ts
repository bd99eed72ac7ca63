import type { Assessment, AssessmentDetail } from "../../../contract/assessments";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import type { AssessmentRow } from "./assessments.queries";

/** An assessment as lists show it, with what the actor may do: update, enterResults, analyze. */
export function presentAssessment(actor: Actor, row: AssessmentRow): Assessment {
  return {
    id: row.id,
    communityId: row.communityId,
    title: row.title,
    description: row.description,
    givenOn: row.givenOn,
    status: row.status,
    itemCount: row.itemCount,
    targetCount: row.targetCount,
    classCount: row.classCount,
    sittingCount: row.sittingCount,
    createdAt: row.createdAt,
    can: abilities(actor, ["assessment.update", "assessment.enterResults", "assessment.analyze"], row.target),
  };
}

/** The builder's view: the assessment with its items, targets and cut scores, and the choices it offers. */
export function presentAssessmentDetail(
  actor: Actor,
  row: AssessmentRow,
  parts: Pick<AssessmentDetail, "items" | "targets" | "targetChoices" | "classes" | "hasNewerScale">,
): AssessmentDetail {
  return { ...presentAssessment(actor, row), communityName: row.communityName, ...parts };
}
