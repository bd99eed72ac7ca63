import type { AssessmentDetail } from "../../../contract/assessments";
import type { Db } from "../../db/client";
import { invalid, notFound } from "../../errors";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { Action } from "../../policy/rules";
import { presentAssessmentDetail } from "./assessments.present";
import {
  type AssessmentRow,
  findAssessment,
  listAssessmentTargets,
  listClassChoices,
  listItems,
  listTargetChoices,
} from "./assessments.queries";
import { hasNewerScale } from "./scale-reapplication.queries";

type AssessmentAction = Extract<Action, `assessment.${string}`>;

/** Loads an assessment and checks the actor may do `action` to it: 404 when they may not see it, else 403. */
export async function requireAssessment(
  db: Db,
  actor: Actor,
  id: string,
  action: Exclude<AssessmentAction, "assessment.create">,
) {
  const row = (await findAssessment(db, id)) ?? notFound("assessment");
  authorize(actor, action, row.target);
  return row;
}

/** Everything the assessment builder shows, in six queries whatever the size of the assessment. */
export async function loadAssessmentDetail(db: Db, actor: Actor, row: AssessmentRow): Promise<AssessmentDetail> {
  const [items, targets, targetChoices, classes, isNewerScale] = await Promise.all([
    listItems(db, row.id),
    listAssessmentTargets(db, row.id),
    listTargetChoices(db, row.communityId),
    listClassChoices(db, row.communityId, row.id),
    row.status === "closed" ? hasNewerScale(db, row.id) : false,
  ]);
  return presentAssessmentDetail(actor, row, {
    items,
    targets,
    targetChoices,
    classes,
    hasNewerScale: isNewerScale,
  });
}

/** Reloads an assessment after a change and presents it for the builder. */
export async function reloadAssessmentDetail(db: Db, actor: Actor, id: string): Promise<AssessmentDetail> {
  const row = (await findAssessment(db, id)) ?? notFound("assessment");
  return loadAssessmentDetail(db, actor, row);
}

/**
 * The classes chosen for an assessment, checked against those the team's members teach (and those it is
 * given to already). Without a choice, every class the team's members teach.
 */
export async function resolveClassIds(
  db: Db,
  communityId: string | null,
  assessmentId: string | null,
  classIds: string[] | undefined,
): Promise<string[]> {
  const choices = await listClassChoices(db, communityId, assessmentId);
  if (classIds === undefined) return choices.map((c) => c.id);
  const allowed = new Set(choices.map((c) => c.id));
  const problems = classIds.flatMap((id, index) =>
    allowed.has(id)
      ? []
      : [{ pointer: `/body/classIds/${index}`, detail: "Choose a class a member of the team teaches." }],
  );
  if (problems.length) invalid("Some classes cannot take this assessment.", problems);
  return [...new Set(classIds)];
}
