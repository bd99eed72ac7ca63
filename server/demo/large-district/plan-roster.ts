import { en, Faker } from "@faker-js/faker";
import { type GeneratedCalendar, generatedCalendar } from "./generated-calendar";

/*
 * A deterministic roster for a district of any size: schools by level, teachers, classes (an elementary
 * homeroom teaches ELA and math; secondary students take an ELA and a math section), students,
 * guardians and enrollments. The same seed always gives the same roster.
 * At 50,000 students: 69 schools, ≈1,900 teachers, ≈2,900 classes, ≈77,000 student enrollments.
 */

export const GRADES = ["KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] as const;
export type Grade = (typeof GRADES)[number];
export const SUBJECTS = ["ela", "math"] as const;
export type Subject = (typeof SUBJECTS)[number];

const LEVELS = [
  { level: "elementary", grades: GRADES.slice(0, 6), studentsPerSchool: 500, label: "Elementary School" },
  { level: "middle", grades: GRADES.slice(6, 9), studentsPerSchool: 900, label: "Middle School" },
  { level: "high", grades: GRADES.slice(9), studentsPerSchool: 1500, label: "High School" },
] as const;
const HOMEROOM_SIZE = 25;
const SECTION_SIZE = 27;
const SECTIONS_PER_SECONDARY_TEACHER = 2;
const GUARDIAN_SHARE = 0.6;

export type PlannedSchool = {
  sourcedId: string;
  name: string;
  level: "elementary" | "middle" | "high";
  grades: readonly Grade[];
};
export type PlannedTeacher = {
  sourcedId: string;
  givenName: string;
  familyName: string;
  email: string;
  schoolSourcedId: string;
};
export type PlannedCourse = { sourcedId: string; title: string; grade: Grade; subject: Subject };
export type PlannedClass = {
  sourcedId: string;
  title: string;
  schoolSourcedId: string;
  grade: Grade;
  subjects: Subject[];
  courseSourcedId: string;
  teacherSourcedId: string;
};
export type PlannedStudent = {
  sourcedId: string;
  givenName: string;
  familyName: string;
  grade: Grade;
  schoolSourcedId: string;
  identifier: string;
  sex: "male" | "female";
  birthDate: string;
  race: "asian" | "black" | "white" | "native" | "pacific" | "two";
  hispanic: boolean;
  guardianSourcedId: string | null;
};
export type PlannedGuardian = {
  sourcedId: string;
  givenName: string;
  familyName: string;
  email: string;
  studentSourcedId: string;
};
export type PlannedEnrollment = {
  sourcedId: string;
  classSourcedId: string;
  userSourcedId: string;
  role: "student" | "teacher";
  schoolSourcedId: string;
};

export type RosterPlan = {
  districtSourcedId: string;
  districtName: string;
  schoolYear: { sourcedId: string; title: string; startDate: string; endDate: string; year: string };
  schools: PlannedSchool[];
  courses: PlannedCourse[];
  teachers: PlannedTeacher[];
  classes: PlannedClass[];
  students: PlannedStudent[];
  guardians: PlannedGuardian[];
  enrollments: PlannedEnrollment[];
};

function pad(n: number, width = 6): string {
  return String(n).padStart(width, "0");
}

const RACES: PlannedStudent["race"][] = [
  "white",
  "white",
  "white",
  "black",
  "black",
  "asian",
  "two",
  "native",
  "pacific",
];

/** Plans a district of `studentCount` students; `emailDomain` names its people's addresses. */
export function planRoster(options: {
  studentCount: number;
  seed?: number;
  emailDomain: string;
  name?: string;
  /** The school year's dates, moved to the district's present (the template's own year by default). */
  calendar?: GeneratedCalendar;
}): RosterPlan {
  const day = (options.calendar ?? generatedCalendar()).day;
  const start = day("2026-08-24");
  const startYear = Number(start.slice(0, 4));
  const faker = new Faker({ locale: [en], seed: options.seed ?? 50_000 });
  const perGrade = Math.ceil(options.studentCount / GRADES.length);
  const plan: RosterPlan = {
    districtSourcedId: "district-1",
    districtName: options.name ?? "Large Generated District",
    schoolYear: {
      sourcedId: `sy-${startYear}`,
      title: `${startYear}–${startYear + 1}`,
      startDate: start,
      endDate: day("2027-06-11"),
      year: String(startYear + 1),
    },
    schools: [],
    courses: [],
    teachers: [],
    classes: [],
    students: [],
    guardians: [],
    enrollments: [],
  };
  for (const grade of GRADES) {
    for (const subject of SUBJECTS) {
      plan.courses.push({
        sourcedId: `course-${grade}-${subject}`,
        title: `${subject === "ela" ? "ELA" : "Math"} ${grade}`,
        grade,
        subject,
      });
    }
  }
  let remaining = options.studentCount;
  const counters = { teacher: 0, klass: 0, student: 0, guardian: 0, enrollment: 0 };
  const person = () => ({ givenName: faker.person.firstName(), familyName: faker.person.lastName() });
  const email = (kind: string, n: number) => `${kind}${pad(n)}@${options.emailDomain}`;
  const newTeacher = (schoolSourcedId: string): PlannedTeacher => {
    counters.teacher += 1;
    const t = {
      sourcedId: `teacher-${pad(counters.teacher)}`,
      ...person(),
      email: email("teacher", counters.teacher),
      schoolSourcedId,
    };
    plan.teachers.push(t);
    return t;
  };
  const enroll = (
    classSourcedId: string,
    userSourcedId: string,
    role: "student" | "teacher",
    schoolSourcedId: string,
  ) => {
    counters.enrollment += 1;
    plan.enrollments.push({
      sourcedId: `enr-${pad(counters.enrollment, 7)}`,
      classSourcedId,
      userSourcedId,
      role,
      schoolSourcedId,
    });
  };

  for (const level of LEVELS) {
    const levelStudents = Math.min(remaining, perGrade * level.grades.length);
    const schoolCount = Math.max(1, Math.round(levelStudents / level.studentsPerSchool));
    for (let s = 0; s < schoolCount; s++) {
      const school: PlannedSchool = {
        sourcedId: `school-${level.level}-${pad(s + 1, 3)}`,
        name: `${faker.location.street()} ${level.label}`.replace(/^(.)/, (c) => c.toUpperCase()),
        level: level.level,
        grades: level.grades,
      };
      if (plan.schools.some((other) => other.name === school.name)) school.name = `${school.name} ${s + 1}`;
      plan.schools.push(school);
      for (const [g, grade] of level.grades.entries()) {
        // Spread the level's students exactly over its schools and grades.
        const slots = schoolCount * level.grades.length;
        const k = s * level.grades.length + g;
        const count = Math.floor(((k + 1) * levelStudents) / slots) - Math.floor((k * levelStudents) / slots);
        const gradeStudents: PlannedStudent[] = [];
        for (let i = 0; i < count && remaining > 0; i++, remaining--) {
          counters.student += 1;
          const n = counters.student;
          const hasGuardian = faker.number.float() < GUARDIAN_SHARE;
          const student: PlannedStudent = {
            sourcedId: `student-${pad(n)}`,
            ...person(),
            grade,
            schoolSourcedId: school.sourcedId,
            identifier: `S${pad(n, 7)}`,
            sex: faker.number.float() < 0.5 ? "female" : "male",
            birthDate: `${2021 - GRADES.indexOf(grade)}-${pad(faker.number.int({ min: 1, max: 12 }), 2)}-${pad(faker.number.int({ min: 1, max: 28 }), 2)}`,
            race: RACES[faker.number.int({ min: 0, max: RACES.length - 1 })] as PlannedStudent["race"],
            hispanic: faker.number.float() < 0.27,
            guardianSourcedId: null,
          };
          if (hasGuardian) {
            counters.guardian += 1;
            student.guardianSourcedId = `guardian-${pad(counters.guardian)}`;
            plan.guardians.push({
              sourcedId: student.guardianSourcedId,
              givenName: faker.person.firstName(),
              familyName: student.familyName,
              email: email("family", counters.guardian),
              studentSourcedId: student.sourcedId,
            });
          }
          gradeStudents.push(student);
          plan.students.push(student);
        }
        planClasses(level.level === "elementary", school, grade, gradeStudents);
      }
    }
  }

  function planClasses(isElementary: boolean, school: PlannedSchool, grade: Grade, gradeStudents: PlannedStudent[]) {
    const size = isElementary ? HOMEROOM_SIZE : SECTION_SIZE;
    const sectionCount = Math.max(1, Math.round(gradeStudents.length / size));
    const subjectsPerClass: Subject[][] = isElementary ? [["ela", "math"]] : [["ela"], ["math"]];
    for (const subjects of subjectsPerClass) {
      let teacher: PlannedTeacher | null = null;
      for (let c = 0; c < sectionCount; c++) {
        if (isElementary || c % SECTIONS_PER_SECONDARY_TEACHER === 0 || !teacher)
          teacher = newTeacher(school.sourcedId);
        counters.klass += 1;
        const subject = subjects[0] as Subject;
        const klass: PlannedClass = {
          sourcedId: `class-${pad(counters.klass)}`,
          title: isElementary
            ? `Grade ${grade} homeroom ${c + 1}`
            : `${subject === "ela" ? "ELA" : "Math"} ${grade} section ${c + 1}`,
          schoolSourcedId: school.sourcedId,
          grade,
          subjects,
          courseSourcedId: `course-${grade}-${subject}`,
          teacherSourcedId: teacher.sourcedId,
        };
        plan.classes.push(klass);
        enroll(klass.sourcedId, teacher.sourcedId, "teacher", school.sourcedId);
        for (let i = c; i < gradeStudents.length; i += sectionCount) {
          enroll(klass.sourcedId, (gradeStudents[i] as PlannedStudent).sourcedId, "student", school.sourcedId);
        }
      }
    }
  }
  return plan;
}
