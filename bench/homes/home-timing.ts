import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { buildApp } from "../../server/app";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { now, todayIn } from "../../server/clock";
import { loadConfig } from "../../server/config";
import type { Database } from "../../server/db/client";
import { seedGeneratedCollaboration } from "../../server/demo/large-district/seed-collaboration";
import { loadEducatorHome } from "../../server/features/home/educator-home";
import { findSchool } from "../../server/features/home/leader-home.queries";
import { loadDistrictHome, loadSchoolHome } from "../../server/features/home/school-home";
import { LARGE_SLUG } from "../evidence/large-database";
import { ensureGoals } from "../goals/goal-timing";
import { type BenchReader, benchLeader, signIn } from "../readers";
import { percentiles } from "../stats";

export type HomeTiming = {
  home: string;
  reader: string;
  goal: number;
  status: number;
  p50: number;
  p95: number;
  sqlP50: number;
  sqlP95: number;
  /** One bare load with nothing cached, as the first read after a change to what the caches rest on. */
  cold: number;
};
export type HomeFigures = {
  kind: string;
  size: { teams: number; meetings: number; cycles: number; goals: number; surveyAnswers: number };
  timings: HomeTiming[];
};

const RUNS = 30;
const WARM_UP = 5;

/** The teacher of the generated district who delivers the most active plans and sits on two teams or more. */
async function busiestTeacher(database: Database, districtId: string): Promise<BenchReader> {
  const result = await database.db.execute<{ id: string }>(sql`
    select p.id from people p
     where p.district_id = ${districtId}
       and (select count(*) from community_members cm where cm.person_id = p.id) >= 2
     order by (select count(*) from intervention_plans ip
                where ip.delivered_by_id = p.id and ip.status = 'active') desc, p.id
     limit 1`);
  const id = result.rows[0]?.id;
  if (!id) throw new Error("no teacher on two teams");
  // Rostered people are invited until they first sign in; this one has.
  await database.db.execute(sql`update people set status = 'active' where id = ${id}`);
  return signIn(database, { id, districtId });
}

/** The school with the most teams (a cross-school team counts in each of its schools). */
async function busiestSchool(database: Database, districtId: string): Promise<string> {
  const result = await database.db.execute<{ school_id: string }>(sql`
    select school_id from community_schools where district_id = ${districtId}
     group by school_id order by count(*) desc, school_id limit 1`);
  const id = result.rows[0]?.school_id;
  if (!id) throw new Error("no school with teams");
  return id;
}

/**
 * The three homes on the generated district with a school year of collaboration (seed-collaboration.ts) and the
 * goals bench's goals: server time from Server-Timing (p50/p95 of 30 runs after 5 warm-up runs) beside the bare
 * work the route rests on (the same load function called directly), alternated run by run.
 */
export async function measureHomes(
  database: Database,
  kind: string,
  log: (line: string) => void,
): Promise<HomeFigures> {
  const { db } = database;
  const district = await db.execute<{ id: string }>(sql`select id from districts where slug = ${LARGE_SLUG}`);
  const districtId = district.rows[0]?.id;
  if (!districtId) throw new Error("the generated district is missing");
  log(`${kind}: a school year of meetings, cycles, norms and surveys for the generated district (once)…`);
  const seeded = await seedGeneratedCollaboration(db, districtId);
  const leader = await benchLeader(database, districtId, "district_leader");
  await ensureGoals(db, districtId, leader.actor.personId);
  const schoolId = await busiestSchool(database, districtId);
  const school = await findSchool(db, schoolId);
  if (!school) throw new Error("no school");
  const principal = await benchLeader(database, districtId, "school_leader", schoolId);
  const teacher = await busiestTeacher(database, districtId);

  const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: path.join(os.tmpdir(), "collective-bench-unused") });
  const app = await buildApp({ database, config, logger: false });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  const cases = [
    {
      home: "district",
      reader: "district leader",
      goal: 200,
      route: "/api/v1/home/district",
      who: leader,
      bare: () => loadDistrictHome(db, leader.actor, todayIn(leader.actor.timeZone), now()),
    },
    {
      home: "school",
      reader: "school leader",
      goal: 100,
      route: `/api/v1/home/school?schoolId=${schoolId}`,
      who: principal,
      bare: () => loadSchoolHome(db, principal.actor, school, todayIn(principal.actor.timeZone), now()),
    },
    {
      home: "educator",
      reader: "teacher",
      goal: 50,
      route: "/api/v1/home/educator",
      who: teacher,
      bare: () => loadEducatorHome(db, teacher.actor, todayIn(teacher.actor.timeZone), now()),
    },
  ];
  const timings: HomeTiming[] = [];
  try {
    for (const c of cases) {
      log(`${kind}: the ${c.home} home as a ${c.reader}…`);
      const api: number[] = [];
      const bare: number[] = [];
      let status = 200;
      for (let i = 0; i < WARM_UP + RUNS; i++) {
        const response = await fetch(`${base}${c.route}`, { headers: { cookie: `${SESSION_COOKIE}=${c.who.token}` } });
        await response.arrayBuffer();
        if (response.status !== 200) status = response.status;
        const duration = Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? Number.NaN);
        const started = performance.now();
        await c.bare();
        const direct = performance.now() - started;
        if (i >= WARM_UP) {
          api.push(duration);
          bare.push(direct);
        }
      }
      const a = percentiles(api);
      const b = percentiles(bare);
      await db.execute(sql`delete from rollup_cache where district_id = ${districtId}`);
      await db.execute(sql`delete from goal_measure_cache where district_id = ${districtId}`);
      const coldStarted = performance.now();
      await c.bare();
      const cold = performance.now() - coldStarted;
      timings.push({ ...c, status, p50: a.p50, p95: a.p95, sqlP50: b.p50, sqlP95: b.p95, cold });
    }
  } finally {
    await app.close();
  }
  return {
    kind,
    size: {
      teams: seeded.teams,
      meetings: seeded.meetings,
      cycles: seeded.cycles,
      goals: seeded.goals,
      surveyAnswers: seeded.surveyAnswers,
    },
    timings: timings.map(({ home, reader, goal, status, p50, p95, sqlP50, sqlP95, cold }) => ({
      home,
      reader,
      goal,
      status,
      p50,
      p95,
      sqlP50,
      sqlP95,
      cold,
    })),
  };
}

/** Each home's figures beside its goal and the bare work it rests on. */
export function printHomeFigures(f: HomeFigures): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const { teams, meetings, cycles, goals, surveyAnswers } = f.size;
  console.log(
    `\n${f.kind}: the homes on the generated district (${teams} teams, ${meetings} meetings, ${cycles} cycles, ` +
      `${goals} goals, ${surveyAnswers} survey answers)`,
  );
  for (const t of f.timings) {
    if (t.status !== 200) {
      console.log(`  ${t.home} home (${t.reader}) answered ${t.status}`);
      continue;
    }
    const met = t.p95 <= t.goal ? "goal met" : "goal missed";
    console.log(
      `  ${t.home} home (${t.reader}) server time p50 ${ms(t.p50)}, p95 ${ms(t.p95)} (goal p95 ≤ ${t.goal} ms: ${met}); ` +
        `bare load p50 ${ms(t.sqlP50)}, p95 ${ms(t.sqlP95)}, ratio ${(t.p95 / t.sqlP95).toFixed(2)}×; ` +
        `nothing cached ${ms(t.cold)}`,
    );
  }
}
