import type { Faker } from "@faker-js/faker";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  classes,
  classStudents,
  classTeachers,
  communities,
  communityMembers,
  courses,
  familyLinks,
  studentDemographics,
  students,
  terms,
} from "../db/schema";
import type { DemoCalendar } from "./demo-calendar";
import type { DemoPerson } from "./demo-communities";

type SchoolKey = "elementary" | "middle" | "high";

/** What the evidence seed needs to know about the roster. */
export type DemoRoster = {
  /** Class ids by the team whose members teach them (by team name). */
  classesByTeam: Map<string, string[]>;
  termId: string;
};

const RACES = [
  { weight: 50, value: "white" },
  { weight: 20, value: "black" },
  { weight: 12, value: "asian" },
  { weight: 15, value: "two" },
  { weight: 3, value: "native" },
];
const ELEMENTARY_GRADES = ["KG", "01", "02", "04", "05"];
const SECTIONS: Record<Exclude<SchoolKey, "elementary">, { title: string; grade: string; subject: string }[]> = {
  middle: [
    { title: "ELA 6", grade: "06", subject: "English Language Arts" },
    { title: "Math 7", grade: "07", subject: "Mathematics" },
    { title: "Science 8", grade: "08", subject: "Science" },
  ],
  high: [
    { title: "English 9", grade: "09", subject: "English Language Arts" },
    { title: "Biology", grade: "10", subject: "Science" },
    { title: "Spanish II", grade: "10", subject: "World Languages" },
  ],
};

async function teamMemberIds(db: Db, districtId: string, name: string): Promise<Set<string>> {
  const rows = await db
    .select({ personId: communityMembers.personId })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communities.districtId, districtId), eq(communities.name, name)));
  return new Set(rows.map((r) => r.personId));
}

/**
 * The demo district's roster: a term, courses, a class for every teacher (grade 3 homerooms for the
 * Grade 3 team, Algebra I for the Algebra team), about 20–26 students in each, their demographics, and
 * Ana Torres's son in Emily Chen's class.
 */
export async function seedDemoRoster(
  db: Db,
  faker: Faker,
  districtId: string,
  schoolIds: Record<SchoolKey, string>,
  staff: DemoPerson[],
  cal: DemoCalendar,
): Promise<DemoRoster> {
  const [term] = await db
    .insert(terms)
    .values({
      districtId,
      ...cal.schoolYear,
      type: "schoolYear",
    })
    .returning({ id: terms.id });
  const termId = term?.id as string;
  const gradeThreeTeam = await teamMemberIds(db, districtId, "Grade 3 team");
  const algebraTeam = await teamMemberIds(db, districtId, "Algebra I course team");
  const classesByTeam = new Map<string, string[]>([
    ["Grade 3 team", []],
    ["Algebra I course team", []],
  ]);
  const courseIds = new Map<string, string>();
  const courseFor = async (title: string, schoolKey: SchoolKey, grade: string, subject: string) => {
    const key = `${schoolKey}:${title}`;
    const known = courseIds.get(key);
    if (known) return known;
    const [course] = await db
      .insert(courses)
      .values({
        districtId,
        schoolId: schoolIds[schoolKey],
        sourcedId: `demo-course-${courseIds.size + 1}`,
        title,
        grades: [grade],
        subjects: [subject],
      })
      .returning({ id: courses.id });
    courseIds.set(key, course?.id as string);
    return course?.id as string;
  };

  const teachers = staff.filter((p) => p.role === "teacher" && p.schoolKey);
  let classNumber = 0;
  let studentNumber = 0;
  let elementaryIndex = 0;
  const families = staff.filter((p) => p.role === "family_member");
  for (const teacher of teachers) {
    const schoolKey = teacher.schoolKey as SchoolKey;
    const plans: { title: string; grade: string; subject: string; team?: string }[] = [];
    if (schoolKey === "elementary") {
      const isGradeThree = gradeThreeTeam.has(teacher.id);
      const grade = isGradeThree ? "03" : (ELEMENTARY_GRADES[elementaryIndex++ % ELEMENTARY_GRADES.length] as string);
      plans.push({
        title: `Grade ${Number(grade) || "K"} homeroom`,
        grade,
        subject: "English Language Arts",
        ...(isGradeThree ? { team: "Grade 3 team" } : {}),
      });
    } else if (schoolKey === "high" && algebraTeam.has(teacher.id)) {
      plans.push({ title: "Algebra I", grade: "09", subject: "Mathematics", team: "Algebra I course team" });
    } else {
      const options = SECTIONS[schoolKey];
      plans.push(options[classNumber % options.length] as (typeof options)[number]);
    }
    for (const plan of plans) {
      classNumber += 1;
      const courseId = await courseFor(plan.title, schoolKey, plan.grade, plan.subject);
      const [klass] = await db
        .insert(classes)
        .values({
          districtId,
          schoolId: schoolIds[schoolKey],
          courseId,
          termIds: [termId],
          sourcedId: `demo-class-${classNumber}`,
          title: `${plan.title} (${teacher.email.split("@")[0]?.split(".")[1] ?? classNumber})`.replace(
            /\(([a-z])/,
            (_, c: string) => `(${c.toUpperCase()}`,
          ),
          classType: schoolKey === "elementary" ? "homeroom" : "scheduled",
          grades: [plan.grade],
          subjects: [plan.subject],
          periods: schoolKey === "elementary" ? [] : [String((classNumber % 6) + 1)],
        })
        .returning({ id: classes.id });
      const classId = klass?.id as string;
      if (plan.team) classesByTeam.get(plan.team)?.push(classId);
      await db
        .insert(classTeachers)
        .values({ districtId, classId, personId: teacher.id, sourcedId: `demo-enr-t${classNumber}` });
      const size = faker.number.int({ min: 20, max: 26 });
      const rows = Array.from({ length: size }, () => {
        studentNumber += 1;
        const sex = faker.person.sexType();
        return {
          districtId,
          schoolId: schoolIds[schoolKey],
          givenName: faker.person.firstName(sex),
          familyName: faker.person.lastName(),
          grade: plan.grade,
          identifier: `RV${String(studentNumber).padStart(5, "0")}`,
          sourcedId: `demo-student-${studentNumber}`,
          sex,
        };
      });
      // Ana Torres's son sits in Emily Chen's class, so the family view has a child with results.
      const isEmily = teacher.email === "emily.chen@riverside.example";
      if (isEmily && rows[0]) Object.assign(rows[0], { givenName: "Mateo", familyName: "Torres", sex: "male" });
      const inserted = await db
        .insert(students)
        .values(rows.map(({ sex: _sex, ...row }) => row))
        .returning({ id: students.id });
      await db
        .insert(classStudents)
        .values(
          inserted.map((s, i) => ({ districtId, classId, studentId: s.id, sourcedId: `demo-enr-${classNumber}-${i}` })),
        );
      await db.insert(studentDemographics).values(
        inserted.map((s, i) => {
          const race = faker.helpers.weightedArrayElement(RACES);
          const month = String(faker.number.int({ min: 1, max: 12 })).padStart(2, "0");
          return {
            studentId: s.id,
            districtId,
            sex: rows[i]?.sex ?? null,
            birthDate: `${2020 - (Number(plan.grade) || 0)}-${month}-15`,
            hispanicOrLatino: faker.number.float() < 0.3,
            white: race === "white",
            blackOrAfricanAmerican: race === "black",
            asian: race === "asian",
            twoOrMoreRaces: race === "two",
            americanIndianOrAlaskaNative: race === "native",
          };
        }),
      );
      if (isEmily) {
        const ana = families.find((p) => p.email === "ana.torres@riverside.example");
        if (ana && inserted[0])
          await db
            .insert(familyLinks)
            .values({ districtId, personId: ana.id, studentId: inserted[0].id, relationship: "mother" });
      }
    }
  }
  return { classesByTeam, termId };
}
