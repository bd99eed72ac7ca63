import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { buildApp } from "../../server/app";
import { createSession, findActorBySessionToken, SESSION_COOKIE } from "../../server/auth/sessions";
import { loadConfig } from "../../server/config";
import type { Database } from "../../server/db/client";
import { people, roleAssignments } from "../../server/db/schema";
import { queryAssessmentAnalysis } from "../../server/features/analysis/analysis.queries";
import { queryTargetRollup } from "../../server/features/analysis/target-rollup.queries";
import { percentiles } from "../stats";
import { LARGE_SLUG } from "./large-database";

export type Timing = { p50: number; p95: number; runs: number };
export type AnalysisFigures = {
  assessmentResults: number;
  districtResults: number;
  analysisServer: Timing;
  analysisApi: Timing;
  analysisSql: Timing;
  rollupSql: Timing;
  rollupApi: Timing;
};

const RUNS = 40;
const WARM_UP = 5;

function timing(samples: number[]): Timing {
  const { p50, p95 } = percentiles(samples);
  return { p50, p95, runs: samples.length };
}

async function timeRuns(runs: number, work: () => Promise<number | undefined>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const reported = await work();
    samples.push(reported ?? performance.now() - started);
  }
  return samples;
}

/** (b) one assessment's team analysis (the one nearest 20,000 results) and (c) the district-wide rollup. */
export async function measureAnalysis(database: Database): Promise<AnalysisFigures> {
  const { db } = database;
  const picked = await db.execute<{ district_id: string; assessment_id: string; n: number; total: number }>(sql`
    select a.district_id, r.assessment_id, count(*)::int as n,
           (select count(*)::int from target_results t where t.district_id = a.district_id) as total
    from target_results r join assessments a on a.id = r.assessment_id
    join districts d on d.id = a.district_id and d.slug = ${LARGE_SLUG}
    group by a.district_id, r.assessment_id order by abs(count(*) - 20000), r.assessment_id limit 1`);
  const row = picked.rows[0];
  if (!row) throw new Error("the generated district has no results");
  const email = `bench.leader.${Date.now()}@bench.example`;
  const [leader] = await db
    .insert(people)
    .values({ districtId: row.district_id, email, displayName: "Bench Leader", status: "active" })
    .returning({ id: people.id, districtId: people.districtId });
  if (!leader) throw new Error("no leader");
  await db
    .insert(roleAssignments)
    .values({ districtId: row.district_id, personId: leader.id, role: "district_leader" });
  const { token } = await createSession(db, leader, { ip: "127.0.0.1", userAgent: "bench", hours: 2 });
  const actor = await findActorBySessionToken(db, database.pool, token);
  if (!actor) throw new Error("no actor");

  const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: path.join(os.tmpdir(), "collective-bench-unused") });
  const app = await buildApp({ database, config, logger: false });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  const headers = { cookie: `${SESSION_COOKIE}=${token}` };
  try {
    const analysisUrl = `${base}/api/v1/assessments/${row.assessment_id}/analysis`;
    const serverTimes: number[] = [];
    const fetchAnalysis = async () => {
      const response = await fetch(analysisUrl, { headers });
      if (response.status !== 200) throw new Error(`analysis answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      serverTimes.push(Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? Number.NaN));
      return undefined;
    };
    const sqlAnalysis = async () => {
      await queryAssessmentAnalysis(db, actor, row.assessment_id);
      return undefined;
    };
    await timeRuns(WARM_UP, fetchAnalysis);
    await timeRuns(WARM_UP, sqlAnalysis);
    serverTimes.length = 0;
    // Alternate API and SQL runs, so drift on a busy machine touches both alike.
    const api: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      api.push(...(await timeRuns(1, fetchAnalysis)));
      bare.push(...(await timeRuns(1, sqlAnalysis)));
    }
    const rollupUrl = `${base}/api/v1/analysis/targets`;
    const rollupSql = await timeRuns(5, async () => {
      await queryTargetRollup(db, row.district_id, null, { from: null, to: null });
      return undefined;
    });
    const rollupApi = await timeRuns(5, async () => {
      const response = await fetch(rollupUrl, { headers });
      if (response.status !== 200) throw new Error(`rollup answered ${response.status}`);
      await response.arrayBuffer();
      return undefined;
    });
    return {
      assessmentResults: row.n,
      districtResults: row.total,
      analysisServer: timing(serverTimes),
      analysisApi: timing(api),
      analysisSql: timing(bare),
      rollupSql: timing(rollupSql),
      rollupApi: timing(rollupApi),
    };
  } finally {
    await app.close();
  }
}
