import { randomUUID } from "node:crypto";
import type { ApplyContext } from "./apply-organization";
import { applyResults, applyTargetResults } from "./apply-results";
import { idOf, type ObjectivePlan } from "./roster-plan";
import { batches, countOf, upsertBySourcedId } from "./sql-batch";

/**
 * Line items become assessments (no team: given to their class), learning objectives become district-wide
 * learning targets (tied to the standard with that CASE identifier), results become sittings, item scores
 * and target results.
 */
export async function applyGradebook(a: ApplyContext): Promise<void> {
  const { client, districtId, plan, ids, counts, tick } = a;
  const gradebook = plan.gradebook;
  const targets = await ensureTargets(a);

  const assessments = countOf(counts, "assessments");
  await upsertBySourcedId(client, {
    table: "assessments",
    districtId,
    rows: gradebook.lineItems,
    sourcedId: (l) => l.row.sourcedId,
    statement: `insert into assessments (district_id, sourced_id, title, description, given_on, status)
      select $1, u.sid, u.title, u.description, u.given, 'closed' from unnest($2::text[], $3::text[], $4::text[], $5::date[])
        u(sid, title, description, given)
      on conflict (district_id, sourced_id) do update set title = excluded.title, description = excluded.description,
        given_on = excluded.given_on, updated_at = now()
      where (assessments.title, assessments.description, assessments.given_on)
        is distinct from (excluded.title, excluded.description, excluded.given_on)
      returning id, sourced_id, (xmax = 0) as inserted`,
    params: (batch) => [
      districtId,
      batch.map((l) => l.row.sourcedId),
      batch.map((l) => l.row.title),
      batch.map((l) => l.row.description ?? ""),
      batch.map((l) => l.row.assignDate),
    ],
    count: assessments,
    tick,
    ids: ids.assessments,
  });
  const placed = gradebook.lineItems.flatMap((l) => {
    const assessmentId = ids.assessments.get(l.row.sourcedId);
    const classId = ids.classes.get(l.classSourcedId);
    return assessmentId && classId ? [{ plan: l, assessmentId, classId }] : [];
  });
  for (const batch of batches(placed)) {
    const params = [districtId, batch.map((p) => p.assessmentId), batch.map((p) => p.classId)];
    await client.query(
      `delete from assessment_classes ac using unnest($2::uuid[], $3::uuid[]) u(a, c)
        where ac.district_id = $1 and ac.assessment_id = u.a and ac.class_id <> u.c`,
      params,
    );
    await client.query(
      `insert into assessment_classes (district_id, assessment_id, class_id)
       select $1, u.a, u.c from unnest($2::uuid[], $3::uuid[]) u(a, c) on conflict do nothing`,
      params,
    );
  }

  const aligned = [
    ...placed.flatMap((p) =>
      p.plan.objectiveKeys.map((key, position) => ({
        assessmentId: p.assessmentId,
        key,
        position,
        maxPoints: p.plan.maxPoints,
        cutScores: p.plan.cutScores,
        proficientLevel: p.plan.proficientLevel,
        replace: true,
      })),
    ),
    ...gradebook.extraTargets.map((t) => ({
      assessmentId: idOf(ids.assessments, t.lineItemSourcedId),
      key: t.objectiveKey,
      position: 0,
      maxPoints: t.maxPoints,
      cutScores: t.cutScores,
      proficientLevel: 3,
      replace: false,
    })),
  ].flatMap((t) => {
    const targetId = targets.get(t.key);
    return t.assessmentId && targetId ? [{ ...t, targetId }] : [];
  });
  // Targets of line items in the set take the set's scale; those added to earlier line items keep what they had.
  for (const replace of [true, false]) {
    for (const batch of batches(aligned.filter((t) => t.replace === replace))) {
      await client.query(
        `insert into assessment_targets (district_id, assessment_id, target_id, position, max_points, cut_scores,
           proficient_level)
         select $1, u.a, u.t, u.pos, u.max, u.cuts::jsonb, u.proficient
           from unnest($2::uuid[], $3::uuid[], $4::int[], $5::numeric[], $6::text[], $7::int[]) u(a, t, pos, max, cuts, proficient)
         on conflict (assessment_id, target_id) do ${
           replace
             ? `update set position = excluded.position, max_points = excluded.max_points,
                  cut_scores = excluded.cut_scores, proficient_level = excluded.proficient_level`
             : "nothing"
         }`,
        [
          districtId,
          batch.map((t) => t.assessmentId),
          batch.map((t) => t.targetId),
          batch.map((t) => t.position),
          batch.map((t) => t.maxPoints),
          batch.map((t) => JSON.stringify(t.cutScores)),
          batch.map((t) => t.proficientLevel),
        ],
      );
    }
  }
  await applyResults(a, placed);
  await applyTargetResults(a, targets);
}

/** One district-wide learning target per objective: the standard's own target when one exists, else a new one. */
async function ensureTargets({ client, districtId, plan, counts }: ApplyContext): Promise<Map<string, string>> {
  const objectives = [...plan.gradebook.objectives.values()];
  const targets = new Map<string, string>();
  if (objectives.length === 0) return targets;
  const { rows } = await client.query<{ id: string; standard_id: string | null; code: string | null }>(
    `select distinct on (coalesce(t.standard_id::text, t.code)) t.id, t.standard_id, t.code
       from learning_targets t
      where t.district_id = $1 and t.community_id is null and t.essential_standard_id is null
        and (t.standard_id = any($2::uuid[]) or (t.standard_id is null and t.code = any($3::text[])))
      order by coalesce(t.standard_id::text, t.code), t.created_at`,
    [
      districtId,
      objectives.flatMap((o) => (o.standard ? [o.standard.id] : [])),
      objectives.flatMap((o) => (o.standard ? [] : [o.learningObjectiveId])),
    ],
  );
  const byStandard = new Map(rows.filter((r) => r.standard_id).map((r) => [r.standard_id as string, r.id]));
  for (const [standardId, targetId] of await adoptPlaceholders(client, districtId, objectives, byStandard)) {
    byStandard.set(standardId, targetId);
  }
  const byCode = new Map(rows.filter((r) => !r.standard_id).map((r) => [r.code as string, r.id]));
  const missing = objectives.filter((o) => {
    const id = o.standard ? byStandard.get(o.standard.id) : byCode.get(o.learningObjectiveId);
    if (id) targets.set(o.key, id);
    return !id;
  });
  const count = countOf(counts, "learningTargets");
  for (const batch of batches(missing)) {
    const fresh = batch.map((o) => ({ objective: o, id: randomUUID() }));
    await client.query(
      `insert into learning_targets (id, district_id, standard_id, code, statement)
       select u.id, $1, u.standard, u.code, u.statement from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[])
         u(id, standard, code, statement)`,
      [
        districtId,
        fresh.map((f) => f.id),
        fresh.map((f) => f.objective.standard?.id ?? null),
        fresh.map((f) => (f.objective.standard ? f.objective.standard.code : f.objective.learningObjectiveId)),
        fresh.map((f) => f.objective.standard?.statement ?? `Learning objective ${f.objective.learningObjectiveId}`),
      ],
    );
    for (const f of fresh) targets.set(f.objective.key, f.id);
    count.created += fresh.length;
  }
  return targets;
}

/**
 * An objective imported before its CASE framework got a placeholder target (its identifier as code). Once the
 * framework names that identifier, the placeholder becomes the standard's target, so its alignments and scores
 * stay the evidence for it and a re-import finds it instead of adding a second target beside it. (A framework
 * import does the same for the placeholders it finds; this catches frameworks imported before it did.)
 */
async function adoptPlaceholders(
  client: ApplyContext["client"],
  districtId: string,
  objectives: ObjectivePlan[],
  byStandard: Map<string, string>,
): Promise<Map<string, string>> {
  const wanted = objectives.flatMap((o) =>
    o.standard && !byStandard.has(o.standard.id) ? [{ standard: o.standard, id: o.learningObjectiveId }] : [],
  );
  const adopted = new Map<string, string>();
  if (wanted.length === 0) return adopted;
  const { rows } = await client.query<{ id: string; standard_id: string }>(
    `update learning_targets t set standard_id = u.standard, code = u.code, statement = u.statement, updated_at = now()
       from (select distinct on (lower(w.objective)) w.* from unnest($2::text[], $3::uuid[], $4::text[], $5::text[])
               w(objective, standard, code, statement)) u
      where t.id = (select p.id from learning_targets p
                     where p.district_id = $1 and p.standard_id is null and p.community_id is null
                       and p.essential_standard_id is null and lower(p.code) = lower(u.objective)
                     order by p.created_at limit 1)
      returning t.id, t.standard_id`,
    [
      districtId,
      wanted.map((w) => w.id),
      wanted.map((w) => w.standard.id),
      wanted.map((w) => w.standard.code ?? w.id),
      wanted.map((w) => w.standard.statement),
    ],
  );
  for (const row of rows) adopted.set(row.standard_id, row.id);
  return adopted;
}
