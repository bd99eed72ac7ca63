import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

/** A small deterministic PRNG (mulberry32), so the same options always write the same files. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ["Ada", "Ben", "Cleo", "Dev", "Esme", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena", "Mo", "Nia"];
const FAMILY = ["Okafor", "Park", "Quinn", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Young", "Zhou"];
const SUBJECTS = ["English", "Mathematics", "Science", "History", "Art", "Music"];

/** Writes a CSV file line by line, waiting when the stream asks it to. */
async function writeCsv(file: string, header: string, rows: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  for (const row of rows) {
    if (!out.write(`${row}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

export type GeneratedCounts = {
  schools: number;
  classes: number;
  students: number;
  teachers: number;
  enrollments: number;
};

/**
 * Writes a OneRoster 1.1 bulk set for a district of `students` students into `folder`: schools of about
 * 2,500 students, a teacher per 25 students, 6 classes per student (3,000 classes and 300,000 enrollments
 * at 50,000 students), demographics, and optionally a guardian per student. Deterministic for a given seed.
 */
export async function generateOneRoster(
  folder: string,
  options: { students: number; guardians?: boolean; seed?: number },
): Promise<GeneratedCounts> {
  await mkdir(folder, { recursive: true });
  const next = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const studentCount = options.students;
  const schoolCount = Math.max(1, Math.round(studentCount / 2500));
  const teacherCount = Math.max(schoolCount, Math.round(studentCount / 25));
  const classCount = Math.max(schoolCount * 6, Math.round(studentCount * 0.06));
  const at = "2024-08-01T00:00:00.000Z";
  const schoolOf = (n: number, of: number) => Math.floor((n * schoolCount) / of);
  const grade = (n: number) => String(1 + (n % 12)).padStart(2, "0");

  await writeCsv(path.join(folder, "manifest.csv"), "propertyName,value", [
    "manifest.version,1.0",
    "oneroster.version,1.1",
    ...["academicSessions", "classes", "courses", "demographics", "enrollments", "orgs", "users"].map(
      (f) => `file.${f},bulk`,
    ),
    ...["categories", "classResources", "courseResources", "lineItems", "resources", "results"].map(
      (f) => `file.${f},absent`,
    ),
    "source.systemName,Collective generator",
  ]);
  await writeCsv(
    path.join(folder, "orgs.csv"),
    "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
    [
      `org-district,active,${at},Generated District,district,GD,`,
      ...Array.from(
        { length: schoolCount },
        (_, s) => `org-school-${s},active,${at},School ${s + 1},school,S${s + 1},org-district`,
      ),
    ],
  );
  await writeCsv(
    path.join(folder, "academicSessions.csv"),
    "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
    [
      `as-year,active,${at},2024-2025,schoolYear,2024-08-15,2025-06-15,,2025`,
      `as-fall,active,${at},Fall,semester,2024-08-15,2024-12-20,as-year,2025`,
      `as-spring,active,${at},Spring,semester,2025-01-06,2025-06-15,as-year,2025`,
    ],
  );
  await writeCsv(
    path.join(folder, "courses.csv"),
    "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes",
    Array.from({ length: schoolCount * SUBJECTS.length }, (_, c) => {
      const subject = SUBJECTS[c % SUBJECTS.length];
      return `crs-${c},active,${at},as-year,${subject},${subject?.slice(0, 3).toUpperCase()}${c},,org-school-${Math.floor(c / SUBJECTS.length)},${subject},`;
    }),
  );
  await writeCsv(
    path.join(folder, "classes.csv"),
    "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
    (function* () {
      for (let c = 0; c < classCount; c += 1) {
        const school = schoolOf(c, classCount);
        const course = school * SUBJECTS.length + (c % SUBJECTS.length);
        yield `cls-${c},active,${at},${SUBJECTS[c % SUBJECTS.length]} ${c},${grade(c)},crs-${course},C${c},scheduled,Room ${c % 40},org-school-${school},"as-fall,as-spring",,,${1 + (c % 6)}`;
      }
    })(),
  );
  const header =
    "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";
  await writeCsv(
    path.join(folder, "users.csv"),
    header,
    (function* () {
      for (let t = 0; t < teacherCount; t += 1) {
        const [g, f] = [pick(GIVEN), pick(FAMILY)];
        yield `usr-t-${t},active,${at},true,org-school-${schoolOf(t, teacherCount)},teacher,t${t},,${g},${f},,T${t},teacher${t}@generated.example,,,,,`;
      }
      for (let s = 0; s < studentCount; s += 1) {
        const [g, f] = [pick(GIVEN), pick(FAMILY)];
        const agent = options.guardians ? `usr-g-${s}` : "";
        yield `usr-s-${s},active,${at},true,org-school-${schoolOf(s, studentCount)},student,s${s},,${g},${f},,S${s},,,,${agent},${grade(s)},`;
        if (options.guardians) {
          yield `usr-g-${s},active,${at},true,org-school-${schoolOf(s, studentCount)},parent,g${s},,${pick(GIVEN)},${f},,,guardian${s}@generated.example,,,,,`;
        }
      }
    })(),
  );
  let enrollments = 0;
  await writeCsv(
    path.join(folder, "enrollments.csv"),
    "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
    (function* () {
      for (let c = 0; c < classCount; c += 1) {
        const teacher = Math.floor((c * teacherCount) / classCount);
        enrollments += 1;
        yield `enr-t-${c},active,${at},cls-${c},org-school-${schoolOf(c, classCount)},usr-t-${teacher},teacher,true,,`;
      }
      // Six classes per student, all at the student's own school.
      for (let s = 0; s < studentCount; s += 1) {
        const school = schoolOf(s, studentCount);
        const first = Math.ceil((school * classCount) / schoolCount);
        const last = Math.ceil(((school + 1) * classCount) / schoolCount);
        const size = Math.max(1, last - first);
        const chosen = new Set<number>();
        for (let k = 0; k < 6 && chosen.size < size; k += 1) {
          let c = first + ((s * 7 + k * 13) % size);
          while (chosen.has(c)) c = first + ((c - first + 1) % size);
          chosen.add(c);
          enrollments += 1;
          yield `enr-s-${s}-${k},active,${at},cls-${c},org-school-${school},usr-s-${s},student,false,2024-08-15,2025-06-15`;
        }
      }
    })(),
  );
  await writeCsv(
    path.join(folder, "demographics.csv"),
    "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus",
    (function* () {
      for (let s = 0; s < studentCount; s += 1) {
        const year = 2008 + (s % 12);
        const race = Math.floor(next() * 5);
        const flags = [0, 1, 2, 3, 4].map((i) => (i === race ? "true" : "false")).join(",");
        yield `usr-s-${s},active,${at},${year}-0${1 + (s % 9)}-1${s % 9},${s % 2 ? "female" : "male"},${flags},false,${next() < 0.2},US,,,`;
      }
    })(),
  );
  return { schools: schoolCount, classes: classCount, students: studentCount, teachers: teacherCount, enrollments };
}
