import { sql } from "drizzle-orm";
import { percentOf, SUPPRESSION_THRESHOLD } from "../../../contract/analysis";
import type { CycleRecordItem } from "../../../contract/cycles";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import { medianOf } from "./cycle-gains";
import { type CycleTargetGainRow, queryTargetGains } from "./cycle-results.queries";

/*
 * The district's record of finished cycles, to learn from: shares only, no student, and a target's gain is
 * withheld when fewer than SUPPRESSION_THRESHOLD students were matched on it (as the analysis hides small groups).
 */

type RecordRow = {
  id: string;
  title: string;
  focus: string;
  reflection: string;
  communityName: string;
  startsOn: string;
  finishedAt: Date | string | null;
  strategies: { id: string; title: string }[] | null;
};

/** Finished cycles of the district whose title, focus, reflection or strategies' titles contain `q`, newest first. */
export async function queryCycleRecord(db: Db, districtId: string, q: string | undefined): Promise<CycleRecordItem[]> {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const search = pattern
    ? sql`and (c.title ilike ${pattern} or c.focus ilike ${pattern} or c.reflection ilike ${pattern}
          or exists (select 1 from cycle_strategies cs join resources r on r.id = cs.resource_id
                     where cs.cycle_id = c.id and r.title ilike ${pattern}))`
    : sql``;
  const result = await db.execute<RecordRow>(sql`
    select c.id, c.title, c.focus, c.reflection, cm.name as "communityName", c.starts_on::text as "startsOn",
           c.finished_at as "finishedAt",
           (select json_agg(json_build_object('id', r.id, 'title', r.title) order by r.title)
              from cycle_strategies cs join resources r on r.id = cs.resource_id where cs.cycle_id = c.id) as strategies
    from cycles c join communities cm on cm.id = c.community_id
    where c.district_id = ${districtId} and c.status = 'finished' ${search}
    order by c.finished_at desc nulls last, c.title
    limit 200`);
  const gains = await queryTargetGains(
    db,
    result.rows.map((r) => r.id),
  );
  return result.rows.map((row) => ({
    id: row.id,
    title: row.title,
    focus: row.focus,
    reflection: row.reflection,
    communityName: row.communityName,
    startsOn: row.startsOn,
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
    strategies: row.strategies ?? [],
    gains: gains.filter((g) => g.cycleId === row.id).map(presentRecordGain),
  }));
}

function presentRecordGain(row: CycleTargetGainRow): CycleRecordItem["gains"][number] {
  const base = { targetId: row.targetId, code: row.code, statement: row.statement };
  if (row.matched < SUPPRESSION_THRESHOLD) return { ...base, suppressed: true };
  return { ...base, suppressed: false, upPercent: percentOf(row.up, row.matched) };
}

export type StrategyCycleStats = { finishedCycles: number; medianGain: number | null };

/**
 * For the library's resource page: per resource (strategy), how many of the district's finished cycles chose it,
 * and the median across them of each cycle's gain (the share of its matched students, all targets together, who
 * moved up at least one level). Cycles with fewer than 10 matched students add to the count, not to the median.
 * Resources no finished cycle chose come back as { finishedCycles: 0, medianGain: null }.
 */
export async function strategyCycleStats(
  db: Db,
  districtId: string,
  resourceIds: readonly string[],
): Promise<Map<string, StrategyCycleStats>> {
  const stats = new Map<string, StrategyCycleStats>(
    resourceIds.map((id) => [id, { finishedCycles: 0, medianGain: null }]),
  );
  if (!resourceIds.length) return stats;
  const chosen = await db.execute<{ resource_id: string; cycle_id: string }>(sql`
    select cs.resource_id, cs.cycle_id from cycle_strategies cs join cycles c on c.id = cs.cycle_id
    where c.district_id = ${districtId} and c.status = 'finished' and cs.resource_id = any(${uuidArray(resourceIds)})`);
  const cycleIds = [...new Set(chosen.rows.map((r) => r.cycle_id))];
  const gainOf = new Map<string, number | null>();
  const totals = new Map<string, { up: number; matched: number }>();
  for (const row of await queryTargetGains(db, cycleIds)) {
    const total = totals.get(row.cycleId) ?? { up: 0, matched: 0 };
    totals.set(row.cycleId, { up: total.up + row.up, matched: total.matched + row.matched });
  }
  for (const id of cycleIds) {
    const total = totals.get(id);
    gainOf.set(id, total && total.matched >= SUPPRESSION_THRESHOLD ? percentOf(total.up, total.matched) : null);
  }
  for (const resourceId of resourceIds) {
    const cycles = chosen.rows.filter((r) => r.resource_id === resourceId).map((r) => r.cycle_id);
    const gains = cycles.map((id) => gainOf.get(id)).filter((g): g is number => typeof g === "number");
    stats.set(resourceId, { finishedCycles: cycles.length, medianGain: medianOf(gains) });
  }
  return stats;
}
