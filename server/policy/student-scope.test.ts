import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client";
import { buildClass, buildCommunity, buildStudent, linkFamily } from "../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../test/factories";
import { signedInActor } from "../test/signed-in-actor";
import { createTestDatabase } from "../test/test-db";
import type { Actor } from "./actor";
import { can } from "./authorize";
import { filterVisibleStudentIds, isVisibleStudent, loadStudentTarget, visibleStudentIds } from "./student-scope";

let database: Database;
let district: TestDistrict;
let other: TestDistrict;
const people: Record<string, TestPerson> = {};
const studentIds: Record<string, string> = {};

function actorOf(person: TestPerson): Promise<Actor> {
  return signedInActor(database, person);
}

async function visibleTo(person: TestPerson): Promise<Set<string>> {
  const actor = await actorOf(person);
  const result = await database.db.execute<{ id: string }>(visibleStudentIds(actor));
  return new Set(result.rows.map((row) => row.id));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  district = await buildDistrict(db);
  other = await buildDistrict(db, "Other District");
  const elementary = district.schools.elementary.id;
  const high = district.schools.high.id;
  people.leader = await buildPerson(db, district, "district_leader");
  people.principal = await buildPerson(db, district, "school_leader", { schoolId: high });
  people.teacher = await buildPerson(db, district, "teacher");
  people.teammate = await buildPerson(db, district, "teacher");
  people.guest = await buildPerson(db, district, "coach");
  people.outsider = await buildPerson(db, district, "teacher");
  people.parent = await buildPerson(db, district, "family_member");
  people.familyOnTeam = await buildPerson(db, district, "family_member");
  people.otherLeader = await buildPerson(db, other, "district_leader");
  // Team-based sharing: a K–12 vertical team, an approved one, a member added without consent, another school.
  people.verticalReader = await buildPerson(db, district, "teacher");
  people.verticalHigh = await buildPerson(db, district, "teacher", { schoolId: high });
  people.approvedReader = await buildPerson(db, district, "teacher");
  people.approvedTeacher = await buildPerson(db, district, "teacher");
  people.unconsentedReader = await buildPerson(db, district, "support_staff");
  people.unconsented = await buildPerson(db, district, "teacher");
  people.highReader = await buildPerson(db, district, "teacher", { schoolId: high });

  const ownClass = await buildClass(db, district, { teacherIds: [people.teacher.id] });
  const teammateClass = await buildClass(db, district, { teacherIds: [people.teammate.id] });
  const highClass = await buildClass(db, district, { schoolId: high, teacherIds: [people.outsider.id] });
  await buildCommunity(db, district, [
    { personId: people.teacher.id, teamRole: "facilitator" },
    { personId: people.teammate.id },
    { personId: people.guest.id, teamRole: "guest" },
    { personId: people.familyOnTeam.id },
  ]);
  studentIds.mine = (await buildStudent(db, district, { classIds: [ownClass.id] })).id;
  studentIds.teams = (await buildStudent(db, district, { classIds: [teammateClass.id] })).id;
  studentIds.high = (await buildStudent(db, district, { schoolId: elementary, classIds: [highClass.id] })).id;
  studentIds.unenrolled = (await buildStudent(db, district, { schoolId: high })).id;
  studentIds.child = (await buildStudent(db, district, { classIds: [ownClass.id] })).id;
  const verticalHighClass = await buildClass(db, district, { schoolId: high, teacherIds: [people.verticalHigh.id] });
  const approvedClass = await buildClass(db, district, { teacherIds: [people.approvedTeacher.id] });
  const unconsentedClass = await buildClass(db, district, { teacherIds: [people.unconsented.id] });
  const both = { schoolIds: [elementary, high] };
  await buildCommunity(db, district, [{ personId: people.verticalReader.id }, { personId: people.verticalHigh.id }], {
    ...both,
    kind: "vertical",
  });
  await buildCommunity(
    db,
    district,
    [{ personId: people.approvedReader.id }, { personId: people.approvedTeacher.id }],
    { kind: "vertical", approvedById: people.leader.id },
  );
  await buildCommunity(db, district, [
    { personId: people.unconsentedReader.id, teamRole: "facilitator" },
    { personId: people.unconsented.id, sharesStudents: false },
  ]);
  // A grade-level team across schools: the elementary teacher's students are not the high-school reader's.
  await buildCommunity(
    db,
    district,
    [{ personId: people.highReader.id }, { personId: people.approvedTeacher.id }],
    both,
  );
  studentIds.verticalHigh = (await buildStudent(db, district, { schoolId: high, classIds: [verticalHighClass.id] })).id;
  studentIds.approved = (await buildStudent(db, district, { classIds: [approvedClass.id] })).id;
  studentIds.unconsented = (await buildStudent(db, district, { classIds: [unconsentedClass.id] })).id;
  studentIds.elsewhere = (await buildStudent(db, other, { schoolId: other.schools.elementary.id })).id;
  await linkFamily(db, district, people.parent.id, studentIds.child);
});
afterAll(async () => database?.close());

const expected: Record<string, string[]> = {
  leader: ["mine", "teams", "high", "unenrolled", "child", "verticalHigh", "approved", "unconsented"],
  principal: ["high", "unenrolled", "verticalHigh"],
  teacher: ["mine", "teams", "child"],
  teammate: ["mine", "teams", "child"],
  guest: [],
  outsider: ["high"],
  parent: ["child"],
  familyOnTeam: [],
  otherLeader: ["elsewhere"],
  verticalReader: [],
  verticalHigh: ["verticalHigh"],
  approvedReader: ["approved"],
  approvedTeacher: ["approved"],
  unconsentedReader: [],
  unconsented: ["unconsented"],
  highReader: [],
};

describe("the students each person may read", () => {
  for (const [who, names] of Object.entries(expected)) {
    it(`${who}: the SQL scope and the student.read rule agree`, async () => {
      const person = people[who] as TestPerson;
      const actor = await actorOf(person);
      const scoped = await visibleTo(person);
      expect([...scoped].sort()).toEqual(names.map((name) => studentIds[name]).sort());
      for (const [name, id] of Object.entries(studentIds)) {
        const target = await loadStudentTarget(database.db, id);
        expect(target, name).not.toBeNull();
        expect(can(actor, "student.read", target as NonNullable<typeof target>), `${who} reads ${name}`).toBe(
          scoped.has(id),
        );
      }
      const filtered = await filterVisibleStudentIds(database.db, actor, Object.values(studentIds));
      expect(filtered).toEqual(scoped);
      const rows = await database.db.execute<{ id: string }>(
        sql`select s.id from students s where ${isVisibleStudent(actor)}`,
      );
      expect(new Set(rows.rows.map((row) => row.id))).toEqual(scoped);
    });
  }
});
