import type { z } from "zod";
import type { GoalInput } from "../../../contract/goals";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { goals } from "../../db/schema";
import { checkServedGoals, loadGoalDraft, replaceGoalLinks } from "./goal-draft";

/** A goal to set: the contract's input (with, for a goal set within a team's improvement cycle, that cycle). */
export type NewGoal = Omit<z.output<typeof GoalInput>, "cycleId"> & { cycleId?: string | null };

/**
 * Sets a goal with the goals it serves, in one transaction, and audit-logs it; returns its id. The caller has
 * authorized "goal.create" on loadGoalDraft(input) (or, for a cycle's goal, the cycle's own rule). Unknown
 * schools, teams, owners or served goals are problems on their fields.
 */
export async function createGoal(db: Db, context: ActorContext, input: NewGoal): Promise<string> {
  const { actor } = context;
  const draft = await loadGoalDraft(db, actor, input);
  await checkServedGoals(db, actor, { id: null, level: input.level }, input.servesGoalIds);
  const { kind: measureKind, ...measure } = input.measure;
  return db.transaction(async (tx) => {
    const [goal] = await tx
      .insert(goals)
      .values({
        districtId: actor.districtId,
        level: input.level,
        kind: input.kind,
        schoolId: draft.schoolId,
        communityId: draft.community?.id ?? null,
        cycleId: input.cycleId ?? null,
        ownerId: draft.ownerId,
        title: input.title,
        description: input.description,
        measureKind,
        measure,
        unit: input.unit,
        baseline: input.baseline,
        target: input.target,
        startsOn: input.startsOn,
        dueOn: input.dueOn,
        createdById: actor.personId,
      })
      .returning({ id: goals.id });
    if (!goal) throw new Error("goal insert returned nothing");
    await replaceGoalLinks(tx, actor.districtId, goal.id, input.servesGoalIds);
    await recordAudit(tx, context, {
      action: "goal.created",
      subjectType: "goal",
      subjectId: goal.id,
      details: { level: input.level, cycleId: input.cycleId ?? null },
    });
    return goal.id;
  });
}
