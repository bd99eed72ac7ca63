import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { buildDistrict, buildPerson } from "../../test/factories";
import { FIXTURES, tableCounts } from "../../test/roster-test-support";
import { createTestDatabase } from "../../test/test-db";
import { importOneRoster } from "./import-oneroster";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

async function newDistrict() {
  return buildDistrict(database.db);
}

async function one<T extends Record<string, unknown>>(text: string, params: unknown[]): Promise<T> {
  const { rows } = await database.pool.query<T>(text, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length} for ${text}`);
  return rows[0] as T;
}

const created = (outcome: Awaited<ReturnType<typeof importOneRoster>>) =>
  Object.fromEntries(Object.entries(outcome.counts).map(([k, c]) => [k, c.created]));

describe("the moodle 1.1 full set", () => {
  let districtId: string;
  let first: Awaited<ReturnType<typeof importOneRoster>>;

  beforeAll(async () => {
    districtId = (await newDistrict()).id;
    first = await importOneRoster(database.pool, { districtId, source: FIXTURES.moodleFullZip });
  });

  it("imports from the zip, with counts per entity", () => {
    expect(first.status).toBe("succeeded");
    expect(first.oneRosterVersion).toBe("1.1");
    expect(first.rowsTotal).toBe(20);
    expect(created(first)).toMatchObject({
      schools: 1,
      terms: 3,
      classes: 1,
      students: 3,
      staff: 2,
      guardians: 1,
      familyLinks: 1,
      enrollments: 2,
    });
  });

  it("keeps exact records: a student, their class, their teacher, a guardian link", async () => {
    const student = await one<{
      given_name: string;
      family_name: string;
      grade: string;
      school: string;
      email: string;
    }>(
      `select s.given_name, s.family_name, s.grade, s.email, sc.name as school from students s
         join schools sc on sc.id = s.school_id where s.district_id = $1 and s.sourced_id = 'usr-222-1234561232'`,
      [districtId],
    );
    expect(student).toEqual({
      given_name: "mmichel",
      family_name: "Jones",
      grade: "12",
      email: "mmichel.jones2@myschool.com",
      school: "History Department",
    });
    const enrolled = await one<{ title: string; sourced_id: string; begin_date: string }>(
      `select c.title, cs.sourced_id, to_char(cs.begin_date, 'YYYY-MM-DD') as begin_date from class_students cs
         join classes c on c.id = cs.class_id join students s on s.id = cs.student_id
        where s.district_id = $1 and s.sourced_id = 'usr-222-1234561232'`,
      [districtId],
    );
    expect(enrolled).toEqual({
      title: "Introduction to Physics",
      sourced_id: "enr-s-222-12345-987655",
      begin_date: "2022-03-15",
    });
    const klass = await one<{
      class_code: string;
      grades: string[];
      subjects: string[];
      class_type: string;
      terms: string[];
    }>(
      `select c.class_code, c.grades, c.subjects, c.class_type,
              array(select t.sourced_id from terms t where t.id = any(c.term_ids)) as terms
         from classes c where c.district_id = $1 and c.sourced_id = 'cls-222-123456'`,
      [districtId],
    );
    expect(klass).toEqual({
      class_code: "Phys 100 - 1",
      grades: ["09", "10", "11"],
      subjects: ["Science", "Physics", "Biology"],
      class_type: "scheduled",
      terms: ["as-trm-222-1234"],
    });
    const teacher = await one<{ display_name: string; email: string; status: string; role: string }>(
      `select p.display_name, p.email, p.status, r.role from class_teachers ct
         join people p on p.id = ct.person_id join role_assignments r on r.person_id = p.id
         join classes c on c.id = ct.class_id where c.sourced_id = 'cls-222-123456' and c.district_id = $1`,
      [districtId],
    );
    expect(teacher).toEqual({
      display_name: "John Doe",
      email: "john.doe@myschool.com",
      status: "invited",
      role: "teacher",
    });
    const link = await one<{ guardian: string; student: string; relationship: string; role: string }>(
      `select p.display_name as guardian, s.given_name as student, f.relationship, r.role from family_links f
         join people p on p.id = f.person_id join students s on s.id = f.student_id
         join role_assignments r on r.person_id = p.id where f.district_id = $1`,
      [districtId],
    );
    expect(link).toEqual({ guardian: "Thomas Jones", student: "Mary", relationship: "parent", role: "family_member" });
  });

  it("reports what it skipped as warnings with file and line", () => {
    const warnings = first.problems.map((p) => [p.severity, p.file, p.line, p.column]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        ["warning", "academicSessions.csv", 4, "status"],
        ["warning", "enrollments.csv", 3, "role"],
        ["warning", "enrollments.csv", 5, "classSourcedId"],
        ["warning", "orgs.csv", 2, "parentSourcedId"],
        ["warning", "classes.csv", 2, "courseSourcedId"],
      ]),
    );
    expect(first.problems.every((p) => p.severity === "warning")).toBe(true);
  });

  it("imports the same set again (as a folder) without duplicating anything", async () => {
    const before = await tableCounts(database.pool, districtId);
    const again = await importOneRoster(database.pool, { districtId, source: FIXTURES.moodleFull });
    expect(again.status).toBe("succeeded");
    expect(Object.values(again.counts).every((c) => c.created === 0 && c.updated === 0 && c.deleted === 0)).toBe(true);
    expect(await tableCounts(database.pool, districtId)).toEqual(before);
  });
});

describe("the moodle 1.1 minimal set", () => {
  it("imports from zip and folder alike; users without email get a placeholder address", async () => {
    const district = await newDistrict();
    const outcome = await importOneRoster(database.pool, {
      districtId: district.id,
      source: FIXTURES.moodleMinimalZip,
    });
    expect(outcome.status).toBe("succeeded");
    expect(created(outcome)).toMatchObject({
      schools: 1,
      terms: 5,
      classes: 2,
      students: 3,
      staff: 2,
      guardians: 1,
      enrollments: 4,
    });
    const teacher = await one<{ email: string }>(
      "select email from people where district_id = $1 and sourced_id = $2",
      [district.id, "usr-222-123456"],
    );
    expect(teacher.email).toBe(`usr-222-123456@${district.slug}.roster.invalid`);
    const counts = await tableCounts(database.pool, district.id);
    expect(counts).toMatchObject({ class_students: 2, class_teachers: 2 });

    const fromFolder = await importOneRoster(database.pool, {
      districtId: district.id,
      source: FIXTURES.moodleMinimal,
    });
    expect(created(fromFolder)).toMatchObject({ schools: 0, students: 0, enrollments: 0 });
    expect(await tableCounts(database.pool, district.id)).toEqual(counts);
  });
});

describe("the moodle 1.2 delta set", () => {
  it("reads roles.csv, demographics and courses, and checks userProfiles without keeping them", async () => {
    const district = await newDistrict();
    const outcome = await importOneRoster(database.pool, {
      districtId: district.id,
      source: FIXTURES.moodleDelta12Zip,
    });
    expect(outcome.status).toBe("succeeded");
    expect(outcome.oneRosterVersion).toBe("1.2");
    expect(created(outcome)).toMatchObject({
      schools: 1,
      terms: 1,
      courses: 1,
      classes: 1,
      students: 1,
      enrollments: 1,
      demographics: 1,
    });
    expect(outcome.counts["userProfiles.csv"]).toEqual({ created: 0, updated: 0, deleted: 0, skipped: 1 });
    const student = await one<{ name: string; school: string; level: string; birth: string; course: string }>(
      `select s.given_name || ' ' || s.family_name as name, sc.name as school, sc.level,
              to_char(d.birth_date, 'YYYY-MM-DD') as birth, co.title as course
         from students s join schools sc on sc.id = s.school_id
         join student_demographics d on d.student_id = s.id
         join class_students cs on cs.student_id = s.id join classes c on c.id = cs.class_id
         join courses co on co.id = c.course_id
        where s.district_id = $1 and s.sourced_id = 'USER_0'`,
      [district.id],
    );
    expect(student).toEqual({
      name: "Bruce Wayne",
      school: "Gotham High School",
      level: "high",
      birth: "2010-04-17",
      course: "Crime Fighting 101",
    });
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({
        file: "userProfiles.csv",
        severity: "warning",
        message: expect.stringContaining("not stored"),
      }),
    );
  });
});

describe("the oat-sa non-conformant set", () => {
  it("reads what it can by header name, lands nothing, and names every problem by file and line", async () => {
    const district = await newDistrict();
    const before = await tableCounts(database.pool);
    const outcome = await importOneRoster(database.pool, { districtId: district.id, source: FIXTURES.oatSa });
    expect(outcome.status).toBe("failed");
    expect(await tableCounts(database.pool)).toEqual(before);
    const errors = outcome.problems.filter((p) => p.severity === "error").map((p) => [p.file, p.line, p.column]);
    expect(errors).toEqual([
      ["academicSessions.csv", 1, "schoolYear"],
      ["classes.csv", 2, "courseSourcedId"],
      ["classes.csv", 3, "courseSourcedId"],
      ["classes.csv", 4, "courseSourcedId"],
      ["demographics.csv", 1, "sourcedId"],
    ]);
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({
        file: "users.csv",
        line: 1,
        message: expect.stringContaining("userId, agents, ext_imagineLearning_databaseId"),
      }),
    );
    expect(JSON.stringify(outcome.problems)).not.toMatch(/\bat \S+\.ts:\d+/);
  });
});

describe("matching people by email", () => {
  // Emails are unique across the installation, and the sets above already hold these: a database of its own.
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());
  const one = async <T>(text: string, params: unknown[]) => (await database.pool.query(text, params)).rows[0] as T;

  it("links an existing person of the district by email, and refuses an email of another district", async () => {
    const newDistrict = () => buildDistrict(database.db);
    const district = await newDistrict();
    const existing = await buildPerson(database.db, district, "teacher", { name: "Jim S." });
    await database.pool.query("update people set email = 'jim.smith@myschool.com' where id = $1", [existing.id]);
    const other = await newDistrict();
    const elsewhere = await buildPerson(database.db, other, "teacher");
    await database.pool.query("update people set email = 'john.doe@myschool.com' where id = $1", [elsewhere.id]);

    const refused = await importOneRoster(database.pool, { districtId: district.id, source: FIXTURES.moodleFull });
    expect(refused.status).toBe("failed");
    expect(refused.problems.filter((p) => p.severity === "error")).toEqual([
      {
        file: "users.csv",
        line: 2,
        column: "email",
        severity: "error",
        message: "The email john.doe@myschool.com cannot be used; give this user another address.",
      },
    ]);

    await database.pool.query("update people set email = 'someone.else@test.example' where id = $1", [elsewhere.id]);
    const landed = await importOneRoster(database.pool, { districtId: district.id, source: FIXTURES.moodleFull });
    expect(landed.status).toBe("succeeded");
    const jim = await one<{ id: string; sourced_id: string; display_name: string }>(
      "select id, sourced_id, display_name from people where district_id = $1 and lower(email) = 'jim.smith@myschool.com'",
      [district.id],
    );
    expect(jim).toEqual({ id: existing.id, sourced_id: "usr-222-987654", display_name: "Jim Smith" });
  });
});
