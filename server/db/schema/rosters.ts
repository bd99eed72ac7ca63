import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { IMPORT_STATUSES } from "../../../contract/rosters";
import { districtIdColumn, people, schools, students } from "./organizations";

/** A OneRoster academic session: school year, semester, term or grading period. */
export const terms = pgTable(
  "terms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    sourcedId: text("sourced_id"),
    title: text("title").notNull(),
    type: text("type").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    parentSourcedId: text("parent_sourced_id"),
    schoolYear: text("school_year").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("terms_sourced_id_uq").on(t.districtId, t.sourcedId)],
);

export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    schoolId: uuid("school_id").references(() => schools.id),
    sourcedId: text("sourced_id"),
    title: text("title").notNull(),
    courseCode: text("course_code"),
    grades: text("grades").array().notNull().default([]),
    subjects: text("subjects").array().notNull().default([]),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("courses_sourced_id_uq").on(t.districtId, t.sourcedId),
    index("courses_school_idx").on(t.schoolId),
  ],
);

/** A class section: the students a teacher teaches, in one course and term. */
export const classes = pgTable(
  "classes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    courseId: uuid("course_id").references(() => courses.id),
    termIds: uuid("term_ids").array().notNull().default([]),
    sourcedId: text("sourced_id"),
    title: text("title").notNull(),
    classCode: text("class_code"),
    classType: text("class_type").notNull().default("scheduled"),
    grades: text("grades").array().notNull().default([]),
    subjects: text("subjects").array().notNull().default([]),
    periods: text("periods").array().notNull().default([]),
    location: text("location"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("classes_sourced_id_uq").on(t.districtId, t.sourcedId),
    index("classes_school_idx").on(t.schoolId),
    index("classes_course_idx").on(t.courseId),
  ],
);

/** A student enrolled in a class. */
export const classStudents = pgTable(
  "class_students",
  {
    districtId: districtIdColumn(),
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    sourcedId: text("sourced_id"),
    beginDate: date("begin_date"),
    endDate: date("end_date"),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.studentId] }),
    index("class_students_student_idx").on(t.studentId),
    uniqueIndex("class_students_sourced_id_uq").on(t.districtId, t.sourcedId),
  ],
);

/** A teacher (or other staff member) of a class. */
export const classTeachers = pgTable(
  "class_teachers",
  {
    districtId: districtIdColumn(),
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    sourcedId: text("sourced_id"),
    isPrimary: boolean("is_primary").notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.personId] }),
    index("class_teachers_person_idx").on(t.personId),
    uniqueIndex("class_teachers_sourced_id_uq").on(t.districtId, t.sourcedId),
  ],
);

/** OneRoster demographics of a student; used only for subgroup breakdowns with small groups suppressed. */
export const studentDemographics = pgTable("student_demographics", {
  studentId: uuid("student_id")
    .primaryKey()
    .references(() => students.id, { onDelete: "cascade" }),
  districtId: districtIdColumn(),
  birthDate: date("birth_date"),
  sex: text("sex"),
  americanIndianOrAlaskaNative: boolean("american_indian_or_alaska_native"),
  asian: boolean("asian"),
  blackOrAfricanAmerican: boolean("black_or_african_american"),
  nativeHawaiianOrOtherPacificIslander: boolean("native_hawaiian_or_other_pacific_islander"),
  white: boolean("white"),
  twoOrMoreRaces: boolean("two_or_more_races"),
  hispanicOrLatino: boolean("hispanic_or_latino"),
  countryOfBirthCode: text("country_of_birth_code"),
  stateOfBirthAbbreviation: text("state_of_birth_abbreviation"),
  cityOfBirth: text("city_of_birth"),
  publicSchoolResidenceStatus: text("public_school_residence_status"),
});

export const importStatus = pgEnum("import_status", IMPORT_STATUSES);

/** One run of a roster (or results) import: what was asked, what landed, and every problem found. */
export const rosterImports = pgTable(
  "roster_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    startedById: uuid("started_by_id").references(() => people.id),
    source: text("source").notNull(),
    status: importStatus("status").notNull().default("running"),
    oneRosterVersion: text("one_roster_version"),
    rowsTotal: integer("rows_total").notNull().default(0),
    counts: jsonb("counts")
      .$type<Record<string, { created: number; updated: number; deleted: number }>>()
      .notNull()
      .default({}),
    problems: jsonb("problems")
      .$type<
        { file: string; line: number | null; column: string | null; message: string; severity: "error" | "warning" }[]
      >()
      .notNull()
      .default([]),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("roster_imports_district_idx").on(t.districtId, t.startedAt)],
);

/**
 * The dateLastModified of the newest change imported for each OneRoster row (by file and sourcedId), so that
 * a delta arriving late, or twice, cannot put an older version of a row back over a newer one.
 */
export const rosterRowVersions = pgTable(
  "roster_row_versions",
  {
    districtId: districtIdColumn(),
    file: text("file").notNull(),
    sourcedId: text("sourced_id").notNull(),
    modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.file, t.sourcedId] })],
);
