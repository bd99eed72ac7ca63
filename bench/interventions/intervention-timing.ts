import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { buildApp } from "../../server/app";
import { createSession, SESSION_COOKIE } from "../../server/auth/sessions";
import { loadConfig } from "../../server/config";
import type { Database, Db } from "../../server/db/client";
import { people, roleAssignments } from "../../server/db/schema";
import { GENERATED_AS_OF, seedGeneratedInterventions } from "../../server/demo/large-district/seed-interventions";
import { LARGE_SLUG } from "../evidence/large-database";
import { percentiles } from "../stats";

export type RouteTiming =
  | { route: string; reader: string; status: "measured"; p50: number; p95: number; runs: number }
  | { route: string; reader: string; status: "route not built" | "failed"; detail: string };

export type InterventionFigures = {
  kind: string;
  seedSeconds: number | null;
  plans: number;
  teamActivePlans: number;
  schoolPlans: number;
  timings: RouteTiming[];
};

const RUNS = 40;
const WARM_UP = 5;

/** The generated district's interventions, added once (the seed skips a district that already has plans). */
async function ensureInterventions(db: Db, districtId: string, log: (line: string) => void): Promise<number | null> {
  const started = performance.now();
  const result = await seedGeneratedInterventions(db, districtId, { log });
  if (result.skipped) return null;
  const seconds = (performance.now() - started) / 1000;
  log(`  interventions generated in ${seconds.toFixed(0)} s: ${result.plans.toLocaleString("en-US")} plans`);
  // A district in use is vacuumed routinely; a freshly written one is not yet (no visibility map, so index-only
  // scans still visit the table), which made the first measurement after generating slower than any later one.
  await db.execute(sql`vacuum (analyze)`);
  return seconds;
}

async function reader(db: Db, districtId: string, role: "district_leader" | "school_leader", schoolId?: string) {
  const email = `bench.${role}.${Date.now()}@bench.example`;
  const [person] = await db
    .insert(people)
    .values({ districtId, email, displayName: `Bench ${role}`, status: "active" })
    .returning({ id: people.id, districtId: people.districtId });
  if (!person) throw new Error("no reader");
  await db.insert(roleAssignments).values({ districtId, personId: person.id, role, schoolId: schoolId ?? null });
  const { token } = await createSession(db, person, { ip: "127.0.0.1", userAgent: "bench", hours: 2 });
  return { cookie: `${SESSION_COOKIE}=${token}` };
}

/**
 * The team review list (the team with the most active plans) and the school report (the school with the
 * most plans), each read by a district leader and by a leader of that school: server time from the
 * Server-Timing header, p50/p95 of 40 runs after a warm-up. A route that answers 404 is not built yet.
 */
export async function measureInterventions(
  database: Database,
  kind: string,
  log: (line: string) => void,
): Promise<InterventionFigures> {
  const { db } = database;
  const district = await db.execute<{ id: string }>(sql`select id from districts where slug = ${LARGE_SLUG}`);
  const districtId = district.rows[0]?.id;
  if (!districtId) throw new Error("the generated district is missing");
  const seedSeconds = await ensureInterventions(db, districtId, log);
  const picked = await db.execute<{
    plans: number;
    team_id: string;
    team_active: number;
    team_school_id: string;
    school_id: string;
    school_plans: number;
  }>(sql`
    with team as (
      select community_id as id, count(*)::int as n from intervention_plans
      where district_id = ${districtId} and status = 'active' group by 1 order by 2 desc, 1 limit 1),
    team_school as (
      select s.school_id as id from intervention_plans p join students s on s.id = p.student_id
      where p.community_id = (select id from team) and p.status = 'active' group by 1 order by count(*) desc, 1 limit 1),
    school as (
      select s.school_id as id, count(*)::int as n from intervention_plans p join students s on s.id = p.student_id
      where p.district_id = ${districtId} group by 1 order by 2 desc, 1 limit 1)
    select (select count(*)::int from intervention_plans where district_id = ${districtId}) as plans,
           team.id as team_id, team.n as team_active, (select id from team_school) as team_school_id,
           school.id as school_id, school.n as school_plans
    from team, school`);
  const row = picked.rows[0];
  if (!row) throw new Error("the generated district has no intervention plans");

  const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: path.join(os.tmpdir(), "collective-bench-unused") });
  const app = await buildApp({ database, config, logger: false });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  try {
    const districtLeader = await reader(db, districtId, "district_leader");
    const teamSchoolLeader = await reader(db, districtId, "school_leader", row.team_school_id);
    const schoolLeader =
      row.team_school_id === row.school_id
        ? teamSchoolLeader
        : await reader(db, districtId, "school_leader", row.school_id);
    const review = `/api/v1/communities/${row.team_id}/review?asOf=${GENERATED_AS_OF}`;
    const report = `/api/v1/reports/interventions?schoolId=${row.school_id}&from=2026-08-01&to=${GENERATED_AS_OF}`;
    const timings: RouteTiming[] = [];
    for (const [route, url, readers] of [
      [
        "team review list",
        review,
        [
          ["district leader", districtLeader],
          ["school leader", teamSchoolLeader],
        ],
      ],
      [
        "school report",
        report,
        [
          ["district leader", districtLeader],
          ["school leader", schoolLeader],
        ],
      ],
    ] as const) {
      for (const [name, headers] of readers) {
        log(`${kind}: ${route} as a ${name}…`);
        timings.push(await timeRoute(`${base}${url}`, headers, route, name));
      }
    }
    return {
      kind,
      seedSeconds,
      plans: row.plans,
      teamActivePlans: row.team_active,
      schoolPlans: row.school_plans,
      timings,
    };
  } finally {
    await app.close();
  }
}

async function timeRoute(url: string, headers: { cookie: string }, route: string, name: string): Promise<RouteTiming> {
  const samples: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const response = await fetch(url, { headers });
    const body = await response.text();
    if (response.status === 404) return { route, reader: name, status: "route not built", detail: body.slice(0, 200) };
    if (response.status !== 200) {
      return { route, reader: name, status: "failed", detail: `answered ${response.status}: ${body.slice(0, 200)}` };
    }
    const duration = Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? Number.NaN);
    if (i >= WARM_UP) samples.push(duration);
  }
  const { p50, p95 } = percentiles(samples);
  return { route, reader: name, status: "measured", p50, p95, runs: samples.length };
}
