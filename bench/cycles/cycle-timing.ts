import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { buildApp } from "../../server/app";
import { createSession, findActorBySessionToken, SESSION_COOKIE } from "../../server/auth/sessions";
import { loadConfig } from "../../server/config";
import type { Database, Db } from "../../server/db/client";
import { people, roleAssignments } from "../../server/db/schema";
import { ensureCycleEvidence } from "../../server/features/cycles/cycle-evidence";
import { queryCycleGoals, queryCycleTallies } from "../../server/features/cycles/cycle-results.queries";
import { listCycleAssessments, listStages } from "../../server/features/cycles/cycles.queries";
import { LARGE_SLUG } from "../evidence/large-database";
import { percentiles } from "../stats";

export type CycleTiming = { route: string; status: number; p50: number; p95: number; sqlP50: number; sqlP95: number };
export type CycleFigures = {
  kind: string;
  cycleId: string;
  pinned: number;
  matched: number;
  timings: CycleTiming[];
  /** Median time to rebuild the cycle's cached evidence, as the first read after a change to its results does. */
  rebuild: number;
};

const RUNS = 40;
const WARM_UP = 5;
const REBUILDS = 5;
const BENCH_TITLE = "Bench cycle";

/**
 * The generated district's bench cycle, added once: in the team with the most target results, from its earliest
 * assessment with results (the baseline, pinned), with its latest one as the follow-up.
 */
async function ensureCycle(db: Db, districtId: string): Promise<string> {
  const found = await db.execute<{ id: string }>(
    sql`select id from cycles where district_id = ${districtId} and title = ${BENCH_TITLE} limit 1`,
  );
  if (found.rows[0]) return found.rows[0].id;
  const picked = await db.execute<{ community_id: string; baseline: string; followup: string }>(sql`
    with team as (
      select a.community_id, count(*) as n from target_results tr join assessments a on a.id = tr.assessment_id
      where a.district_id = ${districtId} and a.community_id is not null group by 1 order by 2 desc limit 1),
    given as (
      select a.id, a.given_on from assessments a
      where a.community_id = (select community_id from team)
        and exists (select 1 from target_results tr where tr.assessment_id = a.id))
    select (select community_id from team) as community_id,
           (select id from given order by given_on, id limit 1) as baseline,
           (select id from given order by given_on desc, id limit 1) as followup`);
  const row = picked.rows[0];
  if (!row?.baseline) throw new Error("the generated district has no team assessments with results");
  const cycleId = await db.transaction(async (tx) => {
    const created = await tx.execute<{ id: string; starts_on: string }>(sql`
      insert into cycles (district_id, community_id, title, focus, starts_on, current_stage)
      select ${districtId}, ${row.community_id}, ${BENCH_TITLE}, 'Benchmark', a.given_on + 1, 'monitoring'
      from assessments a where a.id = ${row.baseline} returning id, starts_on::text`);
    const id = created.rows[0]?.id as string;
    await tx.execute(sql`
      insert into cycle_stages (district_id, cycle_id, stage, due_on)
      select ${districtId}, ${id}, s::cycle_stage, ${created.rows[0]?.starts_on}::date + (14 * n)::int
      from unnest(enum_range(null::cycle_stage)) with ordinality as t(s, n)`);
    await tx.execute(sql`
      insert into cycle_assessments (district_id, cycle_id, assessment_id, role)
      values (${districtId}, ${id}, ${row.baseline}, 'baseline'), (${districtId}, ${id}, ${row.followup}, 'followup')
      on conflict do nothing`);
    await tx.execute(sql`
      insert into cycle_snapshot_results (district_id, cycle_id, assessment_id, target_id, student_id, class_id, level)
      select tr.district_id, ${id}, tr.assessment_id, tr.target_id, tr.student_id, tr.class_id, tr.level
      from target_results tr where tr.assessment_id = ${row.baseline}`);
    return id;
  });
  await db.execute(sql`analyze cycle_snapshot_results`);
  return cycleId;
}

async function districtLeader(db: Db, districtId: string) {
  const [person] = await db
    .insert(people)
    .values({
      districtId,
      email: `bench.cycles.${Date.now()}@bench.example`,
      displayName: "Bench leader",
      status: "active",
    })
    .returning({ id: people.id, districtId: people.districtId });
  if (!person) throw new Error("no reader");
  await db.insert(roleAssignments).values({ districtId, personId: person.id, role: "district_leader", schoolId: null });
  const { token } = await createSession(db, person, { ip: "127.0.0.1", userAgent: "bench", hours: 2 });
  return token;
}

/**
 * The cycle page's two API reads (the cycle with its stages, and its results over the reader's students) as a
 * district leader: server time from Server-Timing, p50/p95 of 40 runs after 5 warm-up runs, each beside the
 * bare SQL it rests on (the same queries called directly), alternated run by run.
 */
export async function measureCycles(
  database: Database,
  kind: string,
  log: (line: string) => void,
): Promise<CycleFigures> {
  const { db } = database;
  const district = await db.execute<{ id: string }>(sql`select id from districts where slug = ${LARGE_SLUG}`);
  const districtId = district.rows[0]?.id;
  if (!districtId) throw new Error("the generated district is missing");
  const cycleId = await ensureCycle(db, districtId);
  const token = await districtLeader(db, districtId);
  const actor = await findActorBySessionToken(db, database.pool, token);
  if (!actor) throw new Error("no actor");
  const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: path.join(os.tmpdir(), "collective-bench-unused") });
  const app = await buildApp({ database, config, logger: false });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  const headers = { cookie: `${SESSION_COOKIE}=${token}` };
  const bare: Record<string, () => Promise<unknown>> = {
    cycle: () => Promise.all([listStages(db, cycleId), listCycleAssessments(db, cycleId)]),
    results: () => Promise.all([queryCycleTallies(db, actor, cycleId), queryCycleGoals(db, cycleId)]),
  };
  try {
    const timings: CycleTiming[] = [];
    for (const [route, url, sqlOf] of [
      ["GET /cycles/:id", `/api/v1/cycles/${cycleId}`, bare.cycle],
      ["GET /cycles/:id/results", `/api/v1/cycles/${cycleId}/results`, bare.results],
    ] as const) {
      log(`${kind}: ${route}…`);
      const api: number[] = [];
      const direct: number[] = [];
      let status = 0;
      for (let i = 0; i < WARM_UP + RUNS; i++) {
        const response = await fetch(`${base}${url}`, { headers });
        await response.text();
        status = response.status;
        const started = performance.now();
        await sqlOf?.();
        const sqlMs = performance.now() - started;
        const duration = Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? Number.NaN);
        if (i >= WARM_UP) {
          api.push(duration);
          direct.push(sqlMs);
        }
      }
      const a = percentiles(api);
      const s = percentiles(direct);
      timings.push({ route, status, p50: a.p50, p95: a.p95, sqlP50: s.p50, sqlP95: s.p95 });
    }
    const counts = await db.execute<{ pinned: number }>(
      sql`select count(*)::int as pinned from cycle_snapshot_results where cycle_id = ${cycleId}`,
    );
    const matched = (await queryCycleTallies(db, actor, cycleId)).find((t) => t.kind === "all")?.count ?? 0;
    // The first read after the team's results changed rebuilds the cycle's evidence (cycle-evidence.ts).
    const rebuilds: number[] = [];
    for (let i = 0; i < REBUILDS; i++) {
      await db.execute(sql`delete from cycle_evidence_state where cycle_id = ${cycleId}`);
      const started = performance.now();
      await ensureCycleEvidence(db, [cycleId]);
      rebuilds.push(performance.now() - started);
    }
    const rebuild = percentiles(rebuilds);
    return { kind, cycleId, pinned: counts.rows[0]?.pinned ?? 0, matched, timings, rebuild: rebuild.p50 };
  } finally {
    await app.close();
  }
}

/** Prints each route's p50/p95 beside the bare SQL's, against the goal (p95 ≤ 100 ms). */
export function printCycleFigures(figures: CycleFigures): void {
  console.log(
    `\n${figures.kind}: cycle page on the generated district (${figures.pinned} pinned results, ${figures.matched} matched)`,
  );
  for (const t of figures.timings) {
    const verdict = t.status !== 200 ? `answered ${t.status}` : t.p95 <= 100 ? "goal met" : "goal missed";
    console.log(
      `  ${t.route.padEnd(26)} API p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms · bare SQL p50 ${t.sqlP50.toFixed(1)} ms, p95 ${t.sqlP95.toFixed(1)} ms · goal p95 ≤ 100 ms: ${verdict}`,
    );
  }
  console.log(
    `  the first read after a change to the team's results rebuilds the cycle's evidence: median ${figures.rebuild.toFixed(1)} ms of ${REBUILDS}`,
  );
}
