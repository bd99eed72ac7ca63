import { TransactionRollbackError } from "drizzle-orm";
import type { ScaleFigures, ScaleReapplication, TargetRescale } from "../../../contract/scale-reapplication";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { snapshotTargets, type TargetSnapshot } from "./scale-reapplication.queries";
import { syncAssessmentTargets } from "./sync-targets";
import { recomputeTargetResults } from "./target-results";

function figuresOf(target: TargetSnapshot): ScaleFigures {
  const assessed = target.results.size;
  const proficient = [...target.results.values()].filter((r) => r.level >= target.proficientLevel).length;
  return {
    proficientLevel: target.proficientLevel,
    levelCount: target.levelCount,
    assessed,
    proficient,
    proficientPercent: assessed > 0 ? Math.round((1000 * proficient) / assessed) / 10 : null,
  };
}

/** Each target's figures before and after, and the students whose level moves (named only if visible). */
function compareSnapshots(before: TargetSnapshot[], after: TargetSnapshot[]): TargetRescale[] {
  return after.map((next) => {
    const previous = before.find((target) => target.targetId === next.targetId) ?? { ...next, results: new Map() };
    const moved = [...previous.results].flatMap(([studentId, was]) => {
      const now = next.results.get(studentId);
      return now && now.level !== was.level
        ? [{ studentId, name: was.name, before: was.level, after: now.level, isVisible: was.isVisible }]
        : [];
    });
    return {
      targetId: next.targetId,
      code: next.code,
      statement: next.statement,
      before: figuresOf(previous),
      after: figuresOf(next),
      changes: moved.filter((m) => m.isVisible).map(({ isVisible: _, ...change }) => change),
      otherChanges: moved.filter((m) => !m.isVisible).length,
    };
  });
}

/**
 * Re-levels a closed assessment's results with its targets' current scales (syncAssessmentTargets, then
 * recomputeTargetResults), and reports the figures before and after. Without `isConfirmed` it is a preview: the
 * same work in a transaction that is rolled back, so what is shown is exactly what a confirmation would do.
 * A confirmation is audit-logged with the counts before and after.
 */
export async function reapplyScale(
  db: Db,
  context: ActorContext,
  assessmentId: string,
  isConfirmed: boolean,
): Promise<ScaleReapplication> {
  let targets: TargetRescale[] = [];
  try {
    await db.transaction(async (tx) => {
      const before = await snapshotTargets(tx, context.actor, assessmentId);
      await syncAssessmentTargets(tx, assessmentId);
      await recomputeTargetResults(tx, assessmentId);
      targets = compareSnapshots(before, await snapshotTargets(tx, context.actor, assessmentId));
      if (!isConfirmed) tx.rollback();
      await recordAudit(tx, context, {
        action: "assessment.scale_reapplied",
        subjectType: "assessment",
        subjectId: assessmentId,
        details: {
          targets: targets.map((t) => ({
            targetId: t.targetId,
            before: {
              proficientLevel: t.before.proficientLevel,
              assessed: t.before.assessed,
              proficient: t.before.proficient,
            },
            after: {
              proficientLevel: t.after.proficientLevel,
              assessed: t.after.assessed,
              proficient: t.after.proficient,
            },
            levelsChanged: t.changes.length + t.otherChanges,
          })),
        },
      });
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return { applied: isConfirmed, targets };
}
