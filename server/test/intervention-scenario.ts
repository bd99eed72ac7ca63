import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildResults,
  buildStudent,
  linkFamily,
} from "./evidence-factories";
import { buildDistrict, buildPerson, type TestPerson } from "./factories";
import { type createTestApp, sessionHeaders } from "./test-app";

type T = Awaited<ReturnType<typeof createTestApp>>;
type Role = "teacher" | "teammate" | "outsider" | "otherTeamTeacher" | "leader" | "parent";

/**
 * The people and students the intervention tests share. The Grade 4 team: Ada (teacher of Emma, Liam and Zoe)
 * and a teammate, the parent of Emma as a guest. Reading specialists: a teacher who also has Emma. Farah is
 * taught by an outsider in no team. A team assessment: Emma and Liam below proficiency, Zoe at the top.
 */
export async function buildInterventionScenario(t: T) {
  const district = await buildDistrict(t.db);
  const people = {
    teacher: await buildPerson(t.db, district, "teacher", { name: "Ada Teacher" }),
    teammate: await buildPerson(t.db, district, "teacher"),
    outsider: await buildPerson(t.db, district, "teacher"),
    otherTeamTeacher: await buildPerson(t.db, district, "teacher"),
    leader: await buildPerson(t.db, district, "district_leader"),
    parent: await buildPerson(t.db, district, "family_member"),
  } satisfies Record<Role, TestPerson>;
  const team = await buildCommunity(
    t.db,
    district,
    [
      { personId: people.teacher.id },
      { personId: people.teammate.id },
      { personId: people.parent.id, teamRole: "guest" },
    ],
    { name: "Grade 4 team" },
  );
  const otherTeam = await buildCommunity(t.db, district, [{ personId: people.otherTeamTeacher.id }], {
    name: "Reading specialists",
  });
  const room = (await buildClass(t.db, district, { teacherIds: [people.teacher.id] })).id;
  const far = (await buildClass(t.db, district, { teacherIds: [people.outsider.id] })).id;
  const specialists = (await buildClass(t.db, district, { teacherIds: [people.otherTeamTeacher.id] })).id;
  const student = async (givenName: string, familyName: string, classIds: string[]) =>
    (await buildStudent(t.db, district, { classIds, givenName, familyName })).id;
  const emma = await student("Emma", "Ames", [room, specialists]);
  const liam = await student("Liam", "Berg", [room]);
  const zoe = await student("Zoe", "Cruz", [room]);
  const farah = await student("Farah", "Diaz", [far]);
  await linkFamily(t.db, district, people.parent.id, emma);

  const essential = await buildEssentialStandard(t.db, district, { communityId: team.id });
  const target = essential.targets[0]?.id as string;
  const assessment = await buildAssessment(t.db, district, {
    communityId: team.id,
    classIds: [room],
    items: [{ label: "1", maxPoints: 4, targetIds: [target] }],
  });
  await buildResults(t.db, district, assessment, [
    { studentId: emma, points: [1] },
    { studentId: liam, points: [1] },
    { studentId: zoe, points: [4] },
  ]);
  const ids = { team: team.id, otherTeam: otherTeam.id, emma, liam, zoe, farah, target, assessment: assessment.id };

  const as = (person: TestPerson) => sessionHeaders(t.db, person);
  return {
    district,
    people,
    ids,
    get: async (person: TestPerson, url: string) => t.app.inject({ method: "GET", url, headers: await as(person) }),
    send: async (person: TestPerson, method: "POST" | "PATCH", url: string, payload: object) =>
      t.app.inject({ method, url, payload, headers: await as(person) }),
    /** A group's body: tier 2, 40 → 70 words correct per minute from 1 Sept to 27 Oct 2026, delivered by Ada. */
    groupBody: (studentIds: string[], extra: Record<string, unknown> = {}) => ({
      kind: "intervention",
      name: "Fluency group",
      tier: 2,
      focus: "Main idea",
      learningTargetIds: [target],
      sourceAssessmentId: assessment.id,
      strategy: "Repeated reading",
      deliveredById: people.teacher.id,
      minutesPerSession: 30,
      daysPerWeek: 3,
      schedule: "Mon, Wed, Fri 9:00",
      startDate: "2026-09-01",
      reviewDate: "2026-10-06",
      goalDate: "2026-10-27",
      measure: "Oral reading fluency, words correct per minute",
      baseline: 40,
      goal: 70,
      students: studentIds.map((studentId) => ({ studentId })),
      ...extra,
    }),
  };
}

export type InterventionScenario = Awaited<ReturnType<typeof buildInterventionScenario>>;
