import { sql } from "drizzle-orm";
import { CYCLE_STAGES, type CycleInput } from "../../../contract/cycles";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { cycleAssessments, cycleStages, cycles } from "../../db/schema";
import { uuidArray } from "../../db/sql-arrays";

/**
 * Starts a team's cycle from its baseline assessments, in one transaction: the cycle, its seven stages, the
 * baseline links, and the pinned snapshot (a copy of every target result of those assessments, so later edits
 * to them never move the cycle's starting point). Returns the cycle's id and how many results were pinned.
 */
export async function startCycle(
  db: Db,
  context: ActorContext,
  communityId: string,
  input: CycleInput,
): Promise<{ id: string; pinned: number }> {
  const { actor } = context;
  const districtId = actor.districtId;
  const baselineIds = [...new Set(input.baselineAssessmentIds)];
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cycles)
      .values({
        districtId,
        communityId,
        title: input.title,
        focus: input.focus,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        createdById: actor.personId,
      })
      .returning({ id: cycles.id });
    if (!row) throw new Error("cycle insert returned nothing");
    await tx.insert(cycleStages).values(CYCLE_STAGES.map((stage) => ({ districtId, cycleId: row.id, stage })));
    await tx
      .insert(cycleAssessments)
      .values(
        baselineIds.map((assessmentId) => ({ districtId, cycleId: row.id, assessmentId, role: "baseline" as const })),
      );
    const pinned = await tx.execute(sql`
      insert into cycle_snapshot_results (district_id, cycle_id, assessment_id, target_id, student_id, class_id, level)
      select tr.district_id, ${row.id}, tr.assessment_id, tr.target_id, tr.student_id, tr.class_id, tr.level
      from target_results tr where tr.assessment_id = any(${uuidArray(baselineIds)})`);
    const count = pinned.rowCount ?? 0;
    await recordAudit(tx, context, {
      action: "cycle.started",
      subjectType: "cycle",
      subjectId: row.id,
      details: { communityId, baselineAssessmentIds: baselineIds, pinnedResults: count },
    });
    return { id: row.id, pinned: count };
  });
}
