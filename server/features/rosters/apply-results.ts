import { randomUUID } from "node:crypto";
import type { ApplyContext } from "./apply-organization";
import { idOf, type LineItemPlan } from "./roster-plan";
import { batches, countOf, type EntityCount, importedNotIn } from "./sql-batch";

type Placed = { plan: LineItemPlan; assessmentId: string; classId: string };

function tally(count: EntityCount, rows: { inserted: boolean }[]): void {
  for (const row of rows) {
    if (row.inserted) count.created += 1;
    else count.updated += 1;
  }
}

/** A line item without learning objectives is scored as one item, "Score", worth its maximum. */
async function scoreItems(a: ApplyContext, placed: Placed[], assessmentIds: string[]): Promise<Map<string, string>> {
  const { client, districtId } = a;
  const items = new Map<string, string>();
  const { rows } = await client.query<{ id: string; assessment_id: string }>(
    `select id, assessment_id from assessment_items where assessment_id = any($1::uuid[]) and label = 'Score'`,
    [assessmentIds],
  );
  for (const row of rows) items.set(row.assessment_id, row.id);
  const unaligned = placed.filter((p) => p.plan.objectiveKeys.length === 0);
  const fresh = unaligned.filter((p) => !items.has(p.assessmentId)).map((p) => ({ ...p, id: randomUUID() }));
  for (const batch of batches(fresh)) {
    await client.query(
      `insert into assessment_items (id, district_id, assessment_id, position, label, max_points)
       select u.id, $1, u.a, 1, 'Score', u.max from unnest($2::uuid[], $3::uuid[], $4::numeric[]) u(id, a, max)`,
      [districtId, batch.map((p) => p.id), batch.map((p) => p.assessmentId), batch.map((p) => p.plan.maxPoints)],
    );
    for (const p of batch) items.set(p.assessmentId, p.id);
  }
  const created = new Set(fresh.map((f) => f.assessmentId));
  const kept = unaligned.filter((p) => !created.has(p.assessmentId));
  for (const batch of batches(kept)) {
    await client.query(
      `update assessment_items i set max_points = u.max from unnest($1::uuid[], $2::numeric[]) u(a, max)
        where i.assessment_id = u.a and i.label = 'Score' and i.max_points <> u.max`,
      [batch.map((p) => p.assessmentId), batch.map((p) => p.plan.maxPoints)],
    );
  }
  return items;
}

/** Results: a sitting per student and line item, and the points on the "Score" item when there is one. */
export async function applyResults(a: ApplyContext, placed: Placed[]): Promise<void> {
  const { client, districtId, plan, ids, counts, tick } = a;
  const count = countOf(counts, "results");
  const sittings = plan.gradebook.results.flatMap((r) => {
    const assessmentId = ids.assessments.get(r.lineItemSourcedId);
    const studentId = ids.students.get(r.studentSourcedId);
    const classId = r.classSourcedId ? (ids.classes.get(r.classSourcedId) ?? null) : null;
    return assessmentId && studentId ? [{ ...r, assessmentId, studentId, classId }] : [];
  });
  const items = await scoreItems(a, placed, [...new Set(sittings.map((s) => s.assessmentId))]);
  for (const batch of batches(sittings)) {
    const { rows } = await client.query<{ inserted: boolean }>(
      `insert into assessment_sittings (district_id, assessment_id, student_id, class_id, status, sourced_id)
       select $1, u.a, u.s, u.c, u.status::sitting_status, u.sid
         from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[]) u(a, s, c, status, sid)
       on conflict (assessment_id, student_id) do update set class_id = excluded.class_id, status = excluded.status,
         sourced_id = excluded.sourced_id, updated_at = now()
       where (assessment_sittings.class_id, assessment_sittings.status, assessment_sittings.sourced_id)
         is distinct from (excluded.class_id, excluded.status, excluded.sourced_id)
       returning (xmax = 0) as inserted`,
      [
        districtId,
        batch.map((s) => s.assessmentId),
        batch.map((s) => s.studentId),
        batch.map((s) => s.classId),
        batch.map((s) => s.status),
        batch.map((s) => s.row.sourcedId),
      ],
    );
    tally(count, rows);
    // Absent and exempt are not zero: any points an earlier import gave them go.
    const notTaken = batch.filter((s) => s.status !== "completed");
    if (notTaken.length) await clearScores(a, notTaken);
    const scored = batch.flatMap((s) => {
      const itemId = items.get(s.assessmentId);
      return s.status === "completed" && s.score !== null && itemId ? [{ ...s, itemId, score: s.score }] : [];
    });
    if (scored.length) {
      await client.query(
        `insert into item_scores (district_id, assessment_id, item_id, student_id, points)
         select $1, u.* from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::numeric[]) u(a, i, s, p)
         on conflict (assessment_id, student_id, item_id) do update set points = excluded.points
         where item_scores.points is distinct from excluded.points`,
        [
          districtId,
          scored.map((s) => s.assessmentId),
          scored.map((s) => s.itemId),
          scored.map((s) => s.studentId),
          scored.map((s) => s.score),
        ],
      );
    }
    tick(batch.length);
  }
  await removeResults(a, count);
}

async function clearScores(a: ApplyContext, pairs: { assessmentId: string; studentId: string }[]): Promise<void> {
  const params = [pairs.map((p) => p.assessmentId), pairs.map((p) => p.studentId)];
  for (const table of ["item_scores", "target_results"]) {
    await a.client.query(
      `delete from ${table} t using unnest($1::uuid[], $2::uuid[]) u(a, s) where t.assessment_id = u.a and t.student_id = u.s`,
      params,
    );
  }
}

/** Removed line items take their assessment (and its results) with them; removed results take their scores. */
async function removeResults(a: ApplyContext, results: EntityCount): Promise<void> {
  const { client, districtId, plan } = a;
  const removedSids = [...plan.deleted.results];
  if (plan.bulk.has("results")) {
    const query = `select s.sourced_id from assessment_sittings s join assessments x on x.id = s.assessment_id
      where s.district_id = $1 and s.sourced_id is not null and x.community_id is null`;
    const keep = plan.gradebook.results.map((r) => r.row.sourcedId);
    removedSids.push(...(await importedNotIn(client, query, [districtId], keep)));
  }
  const { rows: removed } = removedSids.length
    ? await client.query<{ assessment_id: string; student_id: string }>(
        `select assessment_id, student_id from assessment_sittings where district_id = $1 and sourced_id = any($2::text[])`,
        [districtId, removedSids],
      )
    : { rows: [] };
  for (const batch of batches(removed)) {
    const pairs = batch.map((r) => ({ assessmentId: r.assessment_id, studentId: r.student_id }));
    await clearScores(a, pairs);
    const result = await client.query(
      `delete from assessment_sittings t using unnest($1::uuid[], $2::uuid[]) u(a, s)
        where t.assessment_id = u.a and t.student_id = u.s`,
      [pairs.map((p) => p.assessmentId), pairs.map((p) => p.studentId)],
    );
    results.deleted += result.rowCount ?? 0;
  }
  const assessments = countOf(a.counts, "assessments");
  const removedLineItems = [...plan.deleted.lineItems];
  if (plan.bulk.has("lineItems")) {
    const query = `select sourced_id from assessments
      where district_id = $1 and community_id is null and sourced_id is not null`;
    const keep = plan.gradebook.lineItems.map((l) => l.row.sourcedId);
    removedLineItems.push(...(await importedNotIn(client, query, [districtId], keep)));
  }
  if (removedLineItems.length) {
    const result = await client.query(
      `delete from assessments a
        where a.district_id = $1 and a.community_id is null and a.sourced_id = any($2::text[])`,
      [districtId, removedLineItems],
    );
    assessments.deleted += result.rowCount ?? 0;
  }
}

/** Scores per learning objective, with the level the target's cut scores give (lowest level below the first cut). */
export async function applyTargetResults(a: ApplyContext, targets: Map<string, string>): Promise<void> {
  const { client, districtId, plan, ids, counts, tick } = a;
  const count = countOf(counts, "targetResults");
  const seen = new Set<string>();
  const rows = plan.gradebook.targetResults.flatMap((t) => {
    const assessmentId = idOf(ids.assessments, t.lineItemSourcedId);
    const targetId = targets.get(t.objectiveKey);
    const studentId = idOf(ids.students, t.studentSourcedId);
    if (!assessmentId || !targetId || !studentId) return [];
    const key = `${assessmentId}${targetId}${studentId}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ ...t, assessmentId, targetId, studentId, classId: idOf(ids.classes, t.classSourcedId) }];
  });
  for (const batch of batches(rows)) {
    const { rows: written } = await client.query<{ inserted: boolean }>(
      `insert into target_results (district_id, assessment_id, target_id, student_id, class_id, points, level, assessed_on)
       select $1, u.a, u.t, u.s, u.c, u.p,
              level_for(x.cut_scores, u.p),
              u.d
         from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::numeric[], $7::date[]) u(a, t, s, c, p, d)
         join assessment_targets x on x.assessment_id = u.a and x.target_id = u.t
       on conflict (assessment_id, target_id, student_id) do update set class_id = excluded.class_id,
         points = excluded.points, level = excluded.level, assessed_on = excluded.assessed_on
       where (target_results.class_id, target_results.points, target_results.level, target_results.assessed_on)
         is distinct from (excluded.class_id, excluded.points, excluded.level, excluded.assessed_on)
       returning (xmax = 0) as inserted`,
      [
        districtId,
        batch.map((r) => r.assessmentId),
        batch.map((r) => r.targetId),
        batch.map((r) => r.studentId),
        batch.map((r) => r.classId),
        batch.map((r) => r.score),
        batch.map((r) => r.assessedOn),
      ],
    );
    tally(count, written);
    tick(batch.length);
  }
}
