import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { assessments, assessmentTargets, cycleAssessments, cycles } from "../../db/schema";
import { buildCycleTeam, buildLevelAssessment, setLevels } from "../../test/cycle-factories";
import type { TestPerson } from "../../test/factories";
import { signedInActor } from "../../test/signed-in-actor";
import { createTestDatabase } from "../../test/test-db";
import { ensureCycleEvidence } from "./cycle-evidence";
import { queryCycleTallies } from "./cycle-results.queries";
import { startCycle } from "./start-cycle";

/*
 * A cycle's evidence is a cache: each test changes one thing it is built from and checks that the next read
 * counts the change, and that a read with nothing changed does not rebuild it.
 */

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

/** A team with one target, a baseline (everyone at 1), a cycle from it, and a follow-up given during the cycle. */
async function cycleWithFollowup(run: string) {
  const db = database.db;
  const team = await buildCycleTeam(db, 3);
  const actor = await signedInActor(database, team.people.coach as TestPerson);
  const students = [...team.classA.students, ...team.classB.students];
  const classOf = (s: string) => (team.classA.students.includes(s) ? team.classA.id : team.classB.id);
  const levels = (level: number) =>
    students.map((studentId) => ({ studentId, targetId: team.targetA, classId: classOf(studentId), level }));
  const baseline = await buildLevelAssessment(db, team.district, team.community.id, [team.targetA], {
    givenOn: "2030-08-01",
  });
  await setLevels(db, team.district, baseline.id, levels(1));
  const context = { actor, requestId: run, ip: "127.0.0.1" };
  const { id } = await startCycle(db, context, team.community.id, {
    title: `Cache ${run}`,
    focus: "",
    startsOn: "2030-09-01",
    baselineAssessmentIds: [baseline.id],
  });
  const later = await buildLevelAssessment(db, team.district, team.community.id, [team.targetA], {
    givenOn: "2030-09-20",
  });
  await setLevels(db, team.district, later.id, levels(2));
  const overall = async () => (await queryCycleTallies(db, actor, id)).find((t) => t.kind === "all");
  const builtAt = async () =>
    (
      await db.execute<{ built_at: string }>(
        sql`select built_at::text from cycle_evidence_state where cycle_id = ${id}`,
      )
    ).rows[0]?.built_at;
  return { team, actor, id, baseline, later, students, classOf, levels, overall, builtAt };
}

describe("a cycle's cached evidence", () => {
  it("is built on the first read and not rebuilt while nothing it rests on changes", async () => {
    const c = await cycleWithFollowup("steady");
    expect(await c.overall()).toMatchObject({ count: 6, up: 6 });
    const first = await c.builtAt();
    expect(first).toBeDefined();
    await ensureCycleEvidence(database.db, [c.id]);
    expect(await c.overall()).toMatchObject({ count: 6, up: 6 });
    expect(await c.builtAt()).toBe(first);
  });

  it("counts a changed later result at the next read", async () => {
    const c = await cycleWithFollowup("result");
    expect(await c.overall()).toMatchObject({ count: 6, up: 6, same: 0 });
    const [first] = c.students;
    await setLevels(database.db, c.team.district, c.later.id, [
      { studentId: first as string, targetId: c.team.targetA, classId: c.classOf(first as string), level: 1 },
    ]);
    expect(await c.overall()).toMatchObject({ count: 6, up: 5, same: 1 });
  });

  it("counts a result written on a new team assessment, and drops one moved before the cycle started", async () => {
    const c = await cycleWithFollowup("moved");
    const newer = await buildLevelAssessment(database.db, c.team.district, c.team.community.id, [c.team.targetA], {
      givenOn: "2030-10-05",
    });
    await setLevels(database.db, c.team.district, newer.id, c.levels(1));
    expect(await c.overall()).toMatchObject({ count: 6, up: 0, same: 6 });
    await database.db.update(assessments).set({ givenOn: "2030-08-15" }).where(eq(assessments.id, newer.id));
    expect(await c.overall()).toMatchObject({ count: 6, up: 6, same: 0 });
  });

  it("counts an assessment the team adds as a follow-up, and forgets it when removed", async () => {
    const c = await cycleWithFollowup("followup");
    // Given before the cycle started, so it counts only as a named follow-up, and newer than the other one.
    const extra = await buildLevelAssessment(database.db, c.team.district, c.team.community.id, [c.team.targetA], {
      givenOn: "2030-08-20",
    });
    await setLevels(database.db, c.team.district, extra.id, c.levels(4));
    await database.db.update(assessments).set({ givenOn: "2030-12-01" }).where(eq(assessments.id, c.later.id));
    await database.db.update(assessments).set({ communityId: null }).where(eq(assessments.id, c.later.id));
    expect(await c.overall()).toMatchObject({ count: 0 });
    await database.db
      .insert(cycleAssessments)
      .values({ districtId: c.team.district.id, cycleId: c.id, assessmentId: extra.id, role: "followup" });
    expect(await c.overall()).toMatchObject({ count: 6, up: 6 });
    await database.db.delete(cycleAssessments).where(eq(cycleAssessments.assessmentId, extra.id));
    expect(await c.overall()).toMatchObject({ count: 0 });
  });

  it("of a finished cycle is not rebuilt for the team's assessments given after it finished", async () => {
    const c = await cycleWithFollowup("finished");
    await database.db
      .update(cycles)
      .set({ status: "finished", finishedAt: new Date("2030-09-30T12:00:00Z") })
      .where(eq(cycles.id, c.id));
    expect(await c.overall()).toMatchObject({ count: 6, up: 6 });
    const built = await c.builtAt();
    const after = await buildLevelAssessment(database.db, c.team.district, c.team.community.id, [c.team.targetA], {
      givenOn: "2030-11-02",
    });
    await setLevels(database.db, c.team.district, after.id, c.levels(4));
    expect(await c.overall()).toMatchObject({ count: 6, up: 6 });
    expect(await c.builtAt()).toBe(built);
  });

  it("takes a changed proficient level of the baseline into the snapshot's counts", async () => {
    const c = await cycleWithFollowup("cut");
    const proficientAt = async () =>
      (await queryCycleTallies(database.db, c.actor, c.id))
        .filter((t) => t.kind === "level")
        .reduce((sum, t) => sum + t.proficient, 0);
    expect(await proficientAt()).toBe(0);
    await database.db
      .update(assessmentTargets)
      .set({ proficientLevel: 1 })
      .where(eq(assessmentTargets.assessmentId, c.baseline.id));
    expect(await proficientAt()).toBe(6);
  });

  it("builds once when two readers ask at the same moment, and both count the same", async () => {
    const c = await cycleWithFollowup("race");
    const [a, b] = await Promise.all([
      queryCycleTallies(database.db, c.actor, c.id),
      queryCycleTallies(database.db, c.actor, c.id),
    ]);
    expect(a).toEqual(b);
    const rows = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from cycle_evidence where cycle_id = ${c.id}`,
    );
    expect(rows.rows[0]?.n).toBe(6);
  });
});
