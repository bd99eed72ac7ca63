import { percentOf, type Tally } from "../../contract/analysis";
import type { Db } from "../db/client";
import { targetResults } from "../db/schema";
import { insertAssessment, insertDemographics, insertSitting, insertTarget, type Sitting } from "./analysis-fixture";
import { buildClass, buildCommunity, buildStudent } from "./evidence-factories";
import { buildDistrict, buildPerson, type TestPerson } from "./factories";

/*
 * The analysis tests' district: a team of two teachers (classes 4A and 4B), a teacher outside the team whose
 * class 4D also takes the assessment, an outsider, leaders; 51 students with seeded scores and demographics.
 */

export type ScenarioRow = Sitting & {
  levels: Map<string, { points: number; level: number }>;
  sex: string;
  asian: boolean;
};

/** A small deterministic generator, so the data (and any failure) is the same on every run. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

export async function buildAnalysisScenario(db: Db) {
  const district = await buildDistrict(db);
  const people: Record<string, TestPerson> = {};
  const classIds: Record<string, string> = {};
  const rows: ScenarioRow[] = [];
  for (const name of ["facilitator", "teammate", "outsider", "loner"]) {
    people[name] = await buildPerson(db, district, "teacher", { name: `Teacher ${name}` });
  }
  people.leader = await buildPerson(db, district, "district_leader");
  people.highPrincipal = await buildPerson(db, district, "school_leader", { schoolId: district.schools.high.id });
  const community = await buildCommunity(db, district, [
    { personId: people.facilitator?.id as string, teamRole: "facilitator" },
    { personId: people.teammate?.id as string },
  ]);
  classIds.a = (await buildClass(db, district, { title: "4A", teacherIds: [people.facilitator?.id as string] })).id;
  classIds.b = (await buildClass(db, district, { title: "4B", teacherIds: [people.teammate?.id as string] })).id;
  // The loner teaches a class the assessment is given to, outside the team: they see only their own students.
  classIds.d = (await buildClass(db, district, { title: "4D", teacherIds: [people.loner?.id as string] })).id;
  classIds.o = (await buildClass(db, district, { title: "4O", teacherIds: [people.outsider?.id as string] })).id;
  const targetA = (await insertTarget(db, district, community.id, "RL.4.1")).id;
  const targetB = (await insertTarget(db, district, community.id, "RL.4.2")).id;
  const assessment = await insertAssessment(db, district, {
    communityId: community.id,
    classIds: [classIds.a, classIds.b, classIds.d],
    targetIds: [targetA, targetB],
    title: "Unit 1 check",
    items: [
      { maxPoints: 2, correctResponse: "B", targetIndex: 0 },
      { maxPoints: 2, targetIndex: 0 },
      { maxPoints: 4, correctResponse: "C", targetIndex: 1 },
    ],
  });
  const random = seeded(42);
  const pick = (choices: string[]) => choices[Math.floor(random() * choices.length)] as string;
  let index = 0;
  for (const [classKey, size] of [
    ["a", 24],
    ["b", 21],
    ["d", 6],
  ] as const) {
    for (let n = 0; n < size; n++, index++) {
      const classId = classIds[classKey] as string;
      const student = await buildStudent(db, district, { classIds: [classId], givenName: `S${index}` });
      const status = index % 17 === 5 ? "absent" : index % 23 === 7 ? "exempt" : "completed";
      const first = pick(["A", "B", "B", "D", "D", "D", "C"]);
      const third = pick(["A", "C", "C", "B", "D", "C"]);
      const sitting: Sitting = {
        studentId: student.id,
        classId,
        status,
        points: [first === "B" ? 2 : 0, Math.floor(random() * 3), third === "C" ? 4 : 0],
        responses: [first, null, third],
      };
      const levels = await insertSitting(db, district, assessment, sitting);
      const sex = index % 17 === 0 ? "other" : index % 5 < 2 ? "female" : "male";
      const asian = index % 7 === 0;
      await insertDemographics(db, district, student.id, {
        sex,
        asian,
        white: index % 9 !== 1,
        hispanicOrLatino: index % 3 === 0,
      });
      rows.push({ ...sitting, levels, sex, asian });
    }
  }
  // A stale result for an absent student must not count: absent is never scored.
  const absent = rows.find((row) => row.status === "absent") as ScenarioRow;
  await db.insert(targetResults).values({
    districtId: district.id,
    assessmentId: assessment.id,
    targetId: targetA,
    studentId: absent.studentId,
    classId: absent.classId,
    points: 4,
    level: 4,
  });
  return { district, people, classIds, assessment, targetA, targetB, rows };
}

/** The tally a target should show among these rows, worked out from the levels the fixture recorded. */
export function expectedTally(targetId: string, among: ScenarioRow[]): Tally {
  const completed = among.filter((row) => row.status === "completed");
  const levels = [1, 2, 3, 4].map((level) => ({
    level,
    count: completed.filter((row) => row.levels.get(targetId)?.level === level).length,
  }));
  const proficient = completed.filter((row) => (row.levels.get(targetId)?.level ?? 0) >= 3).length;
  return {
    targetId,
    assessed: completed.length,
    proficient,
    proficientPercent: percentOf(proficient, completed.length),
    levels,
  };
}
