import { sql } from "drizzle-orm";
import type { ItemsInput } from "../../../contract/assessments";
import type { Db } from "../../db/client";
import { assessmentItems, itemTargets } from "../../db/schema";
import { uuidArray } from "../../db/sql-arrays";
import { listTargetChoices } from "./assessments.queries";
import { syncAssessmentTargets } from "./sync-targets";
import { recomputeTargetResults } from "./target-results";

type FieldProblem = { pointer: string; detail: string };

export type SaveItemsOutcome =
  | { ok: true; added: number; updated: number; removed: number }
  | { ok: false; status: 409 | 422; detail: string; problems: FieldProblem[] };

type ExistingItem = { id: string; top_score: number | null; score_count: number };

/**
 * Replaces an assessment's items with the list the team sent, in that order: items keep their ids (and
 * scores), new ones are added, missing ones removed. Then the targets, cut scores and results follow.
 * Expected problems (a target of another team, points below scores already entered) come back as values.
 */
export async function saveItems(
  db: Db,
  assessment: { id: string; districtId: string; communityId: string | null },
  input: ItemsInput,
): Promise<SaveItemsOutcome> {
  const existing = await db.execute<ExistingItem>(sql`
    select i.id, max(s.points)::float8 as top_score, count(s.points)::int as score_count
    from assessment_items i left join item_scores s on s.item_id = i.id and s.assessment_id = i.assessment_id
    where i.assessment_id = ${assessment.id}
    group by i.id`);
  const byId = new Map(existing.rows.map((row) => [row.id, row]));
  const teamTargets = new Set((await listTargetChoices(db, assessment.communityId)).map((t) => t.id));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  input.items.forEach((item, index) => {
    const at = `/body/items/${index}`;
    if (item.id !== undefined) {
      const current = byId.get(item.id);
      if (!current || seen.has(item.id))
        problems.push({ pointer: `${at}/id`, detail: "No such item on this assessment." });
      else if (current.top_score !== null && item.maxPoints < current.top_score) {
        problems.push({
          pointer: `${at}/maxPoints`,
          detail: `A student already has ${current.top_score} points on this item.`,
        });
      }
      seen.add(item.id);
    }
    const targetIds = new Set<string>();
    item.targetIds.forEach((targetId, t) => {
      if (!teamTargets.has(targetId) || targetIds.has(targetId)) {
        problems.push({ pointer: `${at}/targetIds/${t}`, detail: "Choose one of the team's learning targets, once." });
      }
      targetIds.add(targetId);
    });
  });
  if (problems.length) return { ok: false, status: 422, detail: "Some items are not valid.", problems };

  const removed = existing.rows.filter((row) => !seen.has(row.id));
  const scoresLost = removed.reduce((sum, row) => sum + row.score_count, 0);
  if (scoresLost > 0 && !input.confirmDeleteScores) {
    return {
      ok: false,
      status: 409,
      detail: `Removing these items deletes ${scoresLost} scores already entered. Confirm to go on.`,
      problems: [{ pointer: "/body/confirmDeleteScores", detail: "Confirm that the scores may be deleted." }],
    };
  }

  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from item_targets where item_id in
      (select id from assessment_items where assessment_id = ${assessment.id})`);
    if (removed.length) {
      await tx.execute(sql`delete from assessment_items where id = any(${uuidArray(removed.map((r) => r.id))})`);
    }
    const saved: { id: string; targetIds: string[] }[] = [];
    for (const [position, item] of input.items.entries()) {
      const fields = {
        position,
        label: item.label,
        maxPoints: item.maxPoints,
        correctResponse: item.correctResponse || null,
      };
      if (item.id !== undefined) {
        await tx.update(assessmentItems).set(fields).where(sql`${assessmentItems.id} = ${item.id}`);
        saved.push({ id: item.id, targetIds: item.targetIds });
      } else {
        const [row] = await tx
          .insert(assessmentItems)
          .values({ ...fields, districtId: assessment.districtId, assessmentId: assessment.id })
          .returning({ id: assessmentItems.id });
        if (!row) throw new Error("item insert returned nothing");
        saved.push({ id: row.id, targetIds: item.targetIds });
      }
    }
    const alignments = saved.flatMap((item) =>
      [...new Set(item.targetIds)].map((targetId) => ({
        districtId: assessment.districtId,
        itemId: item.id,
        targetId,
      })),
    );
    if (alignments.length) await tx.insert(itemTargets).values(alignments);
    await syncAssessmentTargets(tx, assessment.id);
    await recomputeTargetResults(tx, assessment.id);
  });
  return {
    ok: true,
    added: input.items.filter((item) => item.id === undefined).length,
    updated: seen.size,
    removed: removed.length,
  };
}
