import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cycleAssessments, cycleStrategies, cycles, resources } from "../../db/schema";
import { buildCycleTeam, buildLevelAssessment, insertCycle, setLevels } from "../../test/cycle-factories";
import type { TestPerson } from "../../test/factories";
import { signedInActor } from "../../test/signed-in-actor";
import { createTestDatabase } from "../../test/test-db";
import { medianOf, tallyGains, tallyGainsBy } from "./cycle-gains";
import { strategyCycleStats } from "./cycle-record";
import { queryCycleTallies, queryTargetGains } from "./cycle-results.queries";
import { startCycle } from "./start-cycle";

describe("pre/post arithmetic (worked examples)", () => {
  it("counts moved up, stayed and moved down, and the share up by at least one level", () => {
    // Five students: 1->3 (up 2), 2->3 (up 1), 3->3 (same), 4->2 (down), 2->2 (same): 2 of 5 moved up = 40%.
    const pairs = [
      { before: 1, after: 3 },
      { before: 2, after: 3 },
      { before: 3, after: 3 },
      { before: 4, after: 2 },
      { before: 2, after: 2 },
    ];
    expect(tallyGains(pairs)).toEqual({ matched: 5, up: 2, same: 2, down: 1, upPercent: 40 });
  });

  it("rounds shares to one decimal and says nothing when nobody is matched", () => {
    // 1 of 3 = 33.33…% -> 33.3; 2 of 3 = 66.66…% -> 66.7.
    expect(
      tallyGains([
        { before: 1, after: 2 },
        { before: 1, after: 1 },
        { before: 1, after: 1 },
      ]).upPercent,
    ).toBe(33.3);
    expect(
      tallyGains([
        { before: 1, after: 2 },
        { before: 1, after: 2 },
        { before: 1, after: 1 },
      ]).upPercent,
    ).toBe(66.7);
    expect(tallyGains([])).toEqual({ matched: 0, up: 0, same: 0, down: 0, upPercent: null });
  });

  it("counts a pair once under each of its class's teachers", () => {
    const pair = { studentId: "s", targetId: "t", classId: "c", teacherIds: ["a", "b", "a"], before: 1, after: 2 };
    const byTeacher = tallyGainsBy([pair], (p) => p.teacherIds);
    expect([...byTeacher.keys()]).toEqual(["a", "b"]);
    expect(byTeacher.get("b")?.up).toBe(1);
  });

  it("takes the median of cycle gains, the mean of the middle two for an even count", () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([50, 10, 30])).toBe(30);
    expect(medianOf([10, 40, 20, 30])).toBe(25);
  });
});

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe("the SQL agrees with the arithmetic", () => {
  it("matches students and counts gains per target as tallyGains does, for any levels", async () => {
    const db = database.db;
    const team = await buildCycleTeam(db, 5);
    const actor = await signedInActor(database, team.people.coach as TestPerson);
    const students = [...team.classA.students, ...team.classB.students];
    const classOf = (s: string) => (team.classA.students.includes(s) ? team.classA.id : team.classB.id);
    const level = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null });
    const levels = fc.array(fc.tuple(level, level), { minLength: students.length * 2, maxLength: students.length * 2 });
    // Assessments are given before each cycle starts, so only a cycle's own follow-up counts as its later result.
    const cases = fc.sample(levels, 6);
    for (const [run, sample] of cases.entries()) {
      const targets = [team.targetA, team.targetB];
      const baseline = await buildLevelAssessment(db, team.district, team.community.id, targets, {
        givenOn: "2030-08-01",
      });
      const later = await buildLevelAssessment(db, team.district, team.community.id, targets, {
        givenOn: "2030-08-20",
      });
      const cells = students.flatMap((studentId) => targets.map((targetId) => ({ studentId, targetId })));
      const rows = cells.map((cell, i) => ({ ...cell, before: sample[i]?.[0] ?? null, after: sample[i]?.[1] ?? null }));
      const written = (pick: "before" | "after") =>
        rows.flatMap((r) =>
          r[pick] === null ? [] : [{ ...r, classId: classOf(r.studentId), level: r[pick] as number }],
        );
      await setLevels(db, team.district, baseline.id, written("before"));
      await setLevels(db, team.district, later.id, written("after"));
      const context = { actor, requestId: `run-${run}`, ip: "127.0.0.1" };
      const { id } = await startCycle(db, context, team.community.id, {
        title: `Run ${run}`,
        focus: "",
        startsOn: "2030-09-01",
        baselineAssessmentIds: [baseline.id],
      });
      await db
        .insert(cycleAssessments)
        .values({ districtId: team.district.id, cycleId: id, assessmentId: later.id, role: "followup" });
      const sql = await queryTargetGains(db, [id]);
      for (const targetId of targets) {
        const matched = rows.filter((r) => r.targetId === targetId && r.before !== null && r.after !== null);
        const expected = tallyGains(matched as { before: number; after: number }[]);
        const row = sql.find((r) => r.targetId === targetId);
        if (expected.matched === 0) expect(row).toBeUndefined();
        else
          expect(row).toMatchObject({
            matched: expected.matched,
            up: expected.up,
            same: expected.same,
            down: expected.down,
          });
      }
      const tallies = await queryCycleTallies(db, actor, id);
      const all = rows.filter((r) => r.before !== null && r.after !== null) as { before: number; after: number }[];
      const overall = tallies.find((t) => t.kind === "all");
      const { upPercent: _share, ...expectedOverall } = tallyGains(all);
      expect({
        matched: overall?.count ?? 0,
        up: overall?.up ?? 0,
        same: overall?.same ?? 0,
        down: overall?.down ?? 0,
      }).toEqual(expectedOverall);
    }
  });

  it("summarizes a strategy over the district's finished cycles that chose it", async () => {
    const db = database.db;
    const team = await buildCycleTeam(db, 6);
    const actor = await signedInActor(database, team.people.coach as TestPerson);
    const [resource] = await db
      .insert(resources)
      .values({ districtId: team.district.id, kind: "strategy", title: "Number talks", scope: "district" })
      .returning({ id: resources.id });
    const resourceId = resource?.id as string;
    const students = [...team.classA.students, ...team.classB.students];
    // Cycle 1: 12 matched students, 6 move up (50%). Cycle 2: 12 matched, 9 move up (75%). Cycle 3 is active.
    const gains = [6, 9, 12];
    for (const [index, ups] of gains.entries()) {
      const baseline = await buildLevelAssessment(db, team.district, team.community.id, [team.targetA], {
        givenOn: "2030-01-01",
      });
      const later = await buildLevelAssessment(db, team.district, team.community.id, [team.targetA], {
        givenOn: "2030-01-02",
      });
      const row = (level: (i: number) => number) =>
        students.map((studentId, i) => ({ studentId, targetId: team.targetA, classId: null, level: level(i) }));
      await setLevels(
        db,
        team.district,
        baseline.id,
        row(() => 2),
      );
      await setLevels(
        db,
        team.district,
        later.id,
        row((i) => (i < ups ? 3 : 2)),
      );
      const { id } = await startCycle(db, { actor, requestId: "r", ip: "127.0.0.1" }, team.community.id, {
        title: `Cycle ${index}`,
        focus: "",
        startsOn: "2030-02-01",
        baselineAssessmentIds: [baseline.id],
      });
      await db
        .insert(cycleAssessments)
        .values({ districtId: team.district.id, cycleId: id, assessmentId: later.id, role: "followup" });
      await db.insert(cycleStrategies).values({ districtId: team.district.id, cycleId: id, resourceId });
      if (index < 2) {
        await db.update(cycles).set({ status: "finished", finishedAt: new Date() }).where(eq(cycles.id, id));
      }
    }
    const unused = await insertCycle(db, team.district, team.community.id, { status: "finished" });
    const stats = await strategyCycleStats(db, team.district.id, [resourceId, unused.id]);
    expect(stats.get(resourceId)).toEqual({ finishedCycles: 2, medianGain: 62.5 });
    expect(stats.get(unused.id)).toEqual({ finishedCycles: 0, medianGain: null });
  });
});
