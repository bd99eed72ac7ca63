import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import type { RosterPlan } from "./plan-roster";

const MODIFIED = "2026-08-01T00:00:00.000Z";

function write(folder: string, name: string, header: string[], rows: (string | null)[][]): number {
  writeFileSync(path.join(folder, `${name}.csv`), stringify([header, ...rows], { record_delimiter: "\r\n" }));
  return rows.length;
}

/** Writes the plan as a OneRoster 1.1 bulk CSV set into `folder`; returns the data rows written per file. */
export function writeOneRosterSet(plan: RosterPlan, folder: string): Record<string, number> {
  mkdirSync(folder, { recursive: true });
  const counts: Record<string, number> = {};
  const base = (sourcedId: string) => [sourcedId, "active", MODIFIED];
  counts.orgs = write(
    folder,
    "orgs",
    ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
    [
      [...base(plan.districtSourcedId), plan.districtName, "district", "", ""],
      ...plan.schools.map((s) => [
        ...base(s.sourcedId),
        s.name,
        "school",
        s.sourcedId.toUpperCase(),
        plan.districtSourcedId,
      ]),
    ],
  );
  const year = plan.schoolYear;
  counts.academicSessions = write(
    folder,
    "academicSessions",
    [
      "sourcedId",
      "status",
      "dateLastModified",
      "title",
      "type",
      "startDate",
      "endDate",
      "parentSourcedId",
      "schoolYear",
    ],
    [[...base(year.sourcedId), year.title, "schoolYear", year.startDate, year.endDate, "", year.year]],
  );
  counts.courses = write(
    folder,
    "courses",
    [
      "sourcedId",
      "status",
      "dateLastModified",
      "schoolYearSourcedId",
      "title",
      "courseCode",
      "grades",
      "orgSourcedId",
      "subjects",
      "subjectCodes",
    ],
    plan.courses.map((c) => [
      ...base(c.sourcedId),
      year.sourcedId,
      c.title,
      c.sourcedId.toUpperCase(),
      c.grade,
      plan.districtSourcedId,
      c.subject === "ela" ? "English Language Arts" : "Mathematics",
      "",
    ]),
  );
  counts.classes = write(
    folder,
    "classes",
    [
      "sourcedId",
      "status",
      "dateLastModified",
      "title",
      "grades",
      "courseSourcedId",
      "classCode",
      "classType",
      "location",
      "schoolSourcedId",
      "termSourcedIds",
      "subjects",
      "subjectCodes",
      "periods",
    ],
    plan.classes.map((c) => [
      ...base(c.sourcedId),
      c.title,
      c.grade,
      c.courseSourcedId,
      c.sourcedId.toUpperCase(),
      c.subjects.length > 1 ? "homeroom" : "scheduled",
      "",
      c.schoolSourcedId,
      year.sourcedId,
      c.subjects.map((s) => (s === "ela" ? "English Language Arts" : "Mathematics")).join(","),
      "",
      "",
    ]),
  );
  const userHeader = [
    "sourcedId",
    "status",
    "dateLastModified",
    "enabledUser",
    "orgSourcedIds",
    "role",
    "username",
    "userIds",
    "givenName",
    "familyName",
    "middleName",
    "identifier",
    "email",
    "sms",
    "phone",
    "agentSourcedIds",
    "grades",
    "password",
  ];
  counts.users = write(folder, "users", userHeader, [
    ...plan.teachers.map((t) => [
      ...base(t.sourcedId),
      "true",
      t.schoolSourcedId,
      "teacher",
      t.email,
      "",
      t.givenName,
      t.familyName,
      "",
      t.sourcedId.toUpperCase(),
      t.email,
      "",
      "",
      "",
      "",
      "",
    ]),
    ...plan.students.map((s) => [
      ...base(s.sourcedId),
      "true",
      s.schoolSourcedId,
      "student",
      s.identifier.toLowerCase(),
      "",
      s.givenName,
      s.familyName,
      "",
      s.identifier,
      "",
      "",
      "",
      s.guardianSourcedId ?? "",
      s.grade,
      "",
    ]),
    ...plan.guardians.map((g) => [
      ...base(g.sourcedId),
      "true",
      plan.districtSourcedId,
      "guardian",
      g.email,
      "",
      g.givenName,
      g.familyName,
      "",
      "",
      g.email,
      "",
      "",
      g.studentSourcedId,
      "",
      "",
    ]),
  ]);
  counts.enrollments = write(
    folder,
    "enrollments",
    [
      "sourcedId",
      "status",
      "dateLastModified",
      "classSourcedId",
      "schoolSourcedId",
      "userSourcedId",
      "role",
      "primary",
      "beginDate",
      "endDate",
    ],
    plan.enrollments.map((e) => [
      ...base(e.sourcedId),
      e.classSourcedId,
      e.schoolSourcedId,
      e.userSourcedId,
      e.role,
      e.role === "teacher" ? "true" : "false",
      year.startDate,
      year.endDate,
    ]),
  );
  counts.demographics = write(
    folder,
    "demographics",
    [
      "sourcedId",
      "status",
      "dateLastModified",
      "birthDate",
      "sex",
      "americanIndianOrAlaskaNative",
      "asian",
      "blackOrAfricanAmerican",
      "nativeHawaiianOrOtherPacificIslander",
      "white",
      "demographicRaceTwoOrMoreRaces",
      "hispanicOrLatinoEthnicity",
      "countryOfBirthCode",
      "stateOfBirthAbbreviation",
      "cityOfBirth",
      "publicSchoolResidenceStatus",
    ],
    plan.students.map((s) => {
      const flag = (race: string) => (s.race === race ? "true" : "false");
      return [
        ...base(s.sourcedId),
        s.birthDate,
        s.sex,
        flag("native"),
        flag("asian"),
        flag("black"),
        flag("pacific"),
        flag("white"),
        flag("two"),
        s.hispanic ? "true" : "false",
        "US",
        "",
        "",
        "",
      ];
    }),
  );
  const files = [
    "academicSessions",
    "categories",
    "classes",
    "classResources",
    "courses",
    "courseResources",
    "demographics",
    "enrollments",
    "lineItems",
    "orgs",
    "resources",
    "results",
    "users",
  ];
  write(
    folder,
    "manifest",
    ["propertyName", "value"],
    [
      ["manifest.version", "1.0"],
      ["oneroster.version", "1.1"],
      ...files.map((file) => [`file.${file}`, file in counts ? "bulk" : "absent"]),
      ["source.systemName", "Collective generator"],
      ["source.systemCode", "collective"],
    ],
  );
  return counts;
}
