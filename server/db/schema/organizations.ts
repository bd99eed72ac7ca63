import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { PERSON_STATUSES, ROLES } from "../../../contract/people";
import { SCHOOL_LEVELS } from "../../../contract/schools";

export const schoolLevel = pgEnum("school_level", SCHOOL_LEVELS);

export const roleName = pgEnum("role_name", ROLES);

export const personStatus = pgEnum("person_status", PERSON_STATUSES);

export const districts = pgTable("districts", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** IANA time zone the district's days are counted in (what "today", "overdue" and "upcoming" mean). */
  timeZone: text("time_zone").notNull().default("UTC"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The tenant key every district-owned row carries. */
export function districtIdColumn() {
  return uuid("district_id")
    .notNull()
    .references(() => districts.id);
}

export const schools = pgTable(
  "schools",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    name: text("name").notNull(),
    level: schoolLevel("level").notNull().default("other"),
    sourcedId: text("sourced_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("schools_district_idx").on(t.districtId),
    uniqueIndex("schools_district_name_uq").on(t.districtId, sql`lower(${t.name})`),
    uniqueIndex("schools_sourced_id_uq").on(t.districtId, t.sourcedId),
  ],
);

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash"),
    status: personStatus("status").notNull().default("invited"),
    preferredLanguage: text("preferred_language").notNull().default("en"),
    sourcedId: text("sourced_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One account per email address across the whole installation: an email names one sign-in.
    uniqueIndex("people_email_uq").on(sql`lower(${t.email})`),
    index("people_district_idx").on(t.districtId, t.displayName),
    uniqueIndex("people_sourced_id_uq").on(t.districtId, t.sourcedId),
  ],
);

/** A role held district-wide (schoolId null) or at one school. */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: roleName("role").notNull(),
    schoolId: uuid("school_id").references(() => schools.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("role_assignments_person_idx").on(t.personId),
    index("role_assignments_school_idx").on(t.schoolId),
    uniqueIndex("role_assignments_uq").on(
      t.personId,
      t.role,
      sql`coalesce(${t.schoolId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/** A student, usually from a OneRoster roster (sourcedId is the key a re-import matches on). */
export const students = pgTable(
  "students",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    schoolId: uuid("school_id").references(() => schools.id),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    preferredName: text("preferred_name"),
    grade: text("grade"),
    identifier: text("identifier"),
    email: text("email"),
    sourcedId: text("sourced_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("students_district_idx").on(t.districtId, t.familyName, t.givenName),
    index("students_school_idx").on(t.schoolId),
    uniqueIndex("students_sourced_id_uq").on(t.districtId, t.sourcedId),
  ],
);

/** A family member's link to their own child: the only path by which a family member sees a student. */
export const familyLinks = pgTable(
  "family_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    relationship: text("relationship").notNull().default("guardian"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("family_links_uq").on(t.personId, t.studentId),
    index("family_links_student_idx").on(t.studentId),
  ],
);
