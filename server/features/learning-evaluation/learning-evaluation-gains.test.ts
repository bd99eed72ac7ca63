import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, expect, it } from "vitest";
import { now, todayIn } from "../../clock";
import { cycleAssessments, cycles } from "../../db/schema";
import { buildCycleTeam, buildLevelAssessment, setLevels } from "../../test/cycle-factories";
import type { TestPerson } from "../../test/factories";
import { signedInActor } from "../../test/signed-in-actor";
import { createTestDatabase } from "../../test/test-db";
import { startCycle } from "../cycles/start-cycle";
import { buildLearningEvaluation } from "./build-evaluation";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const today = todayIn("UTC");
const day = (offset: number) => DateTime.fromISO(today).plus({ days: offset }).toISODate() as string;

it("counts, for the cycles a period completed, the students' targets that moved up from the baseline", async () => {
  const db = database.db;
  const team = await buildCycleTeam(db, 2);
  const students = [...team.classA.students, ...team.classB.students];
  const classOf = (s: string) => (team.classA.students.includes(s) ? team.classA.id : team.classB.id);
  const baseline = await buildLevelAssessment(db, team.district, team.community.id, [team.targetA], {
    givenOn: day(-20),
  });
  const later = await buildLevelAssessment(db, team.district, team.community.id, [team.targetA], {
    givenOn: day(-5),
  });
  // Four students: 1→2 (up), 2→2, 3→4 (up), 2→1: 4 compared, 2 moved up.
  const [before, after] = [
    [1, 2, 3, 2],
    [2, 2, 4, 1],
  ];
  const levels = (values: number[]) =>
    students.map((studentId, i) => ({
      studentId,
      targetId: team.targetA,
      classId: classOf(studentId),
      level: values[i] as number,
    }));
  await setLevels(db, team.district, baseline.id, levels(before as number[]));
  await setLevels(db, team.district, later.id, levels(after as number[]));
  const coach = await signedInActor(database, team.people.coach as TestPerson);
  const { id } = await startCycle(db, { actor: coach, requestId: "gains", ip: "127.0.0.1" }, team.community.id, {
    title: "Fractions",
    focus: "",
    startsOn: day(-15),
    baselineAssessmentIds: [baseline.id],
  });
  await db
    .insert(cycleAssessments)
    .values({ districtId: team.district.id, cycleId: id, assessmentId: later.id, role: "followup" });
  await db
    .update(cycles)
    .set({ status: "finished", finishedAt: new Date(`${day(-1)}T12:00:00Z`) })
    .where(eq(cycles.id, id));

  const leader = await signedInActor(database, team.people.districtLeader as TestPerson);
  const scope = { kind: "district" as const, id: team.district.id, label: team.district.name };
  const evaluation = await buildLearningEvaluation(db, leader, scope, { from: day(-27), to: today, today }, now());
  const row = evaluation.teams.find((t) => t.community.id === team.community.id);
  expect(row).toMatchObject({ cyclesCompleted: 1, studentTargetsMatched: 4, studentTargetsUp: 2 });
  expect(evaluation.totals).toMatchObject({ cyclesCompleted: 1, studentTargetsMatched: 4, studentTargetsUp: 2 });

  // A period that ends before the cycle was finished counts neither the cycle nor its students.
  const earlier = await buildLearningEvaluation(db, leader, scope, { from: day(-27), to: day(-2), today }, now());
  expect(earlier.totals).toMatchObject({ cyclesCompleted: 0, studentTargetsMatched: 0 });
});
