import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { tsvector } from "./discussions";
import { districtIdColumn, people } from "./organizations";
import { courses } from "./rosters";

/** A standards framework imported from a CASE 1.0 package (CFDocument); each district holds its own copy. */
export const standardFrameworks = pgTable(
  "standard_frameworks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    caseIdentifier: text("case_identifier").notNull(),
    uri: text("uri"),
    title: text("title").notNull(),
    creator: text("creator").notNull().default(""),
    publisher: text("publisher"),
    description: text("description"),
    subjects: text("subjects").array().notNull().default([]),
    language: text("language"),
    version: text("version"),
    adoptionStatus: text("adoption_status"),
    licenseUri: text("license_uri"),
    sourceUrl: text("source_url"),
    lastChangeDateTime: text("last_change_date_time"),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("standard_frameworks_case_uq").on(t.districtId, t.caseIdentifier)],
);

/** A node of a framework (CFItem): domain, cluster, standard, component… parentId follows isChildOf. */
export const standards = pgTable(
  "standards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => standardFrameworks.id, { onDelete: "cascade" }),
    caseIdentifier: text("case_identifier").notNull(),
    uri: text("uri"),
    parentId: uuid("parent_id"),
    humanCodingScheme: text("human_coding_scheme"),
    listEnumeration: text("list_enumeration"),
    fullStatement: text("full_statement").notNull(),
    abbreviatedStatement: text("abbreviated_statement"),
    itemType: text("item_type"),
    educationLevels: text("education_levels").array().notNull().default([]),
    conceptKeywords: text("concept_keywords").array().notNull().default([]),
    notes: text("notes"),
    /** Order among siblings (CFAssociation sequenceNumber, then humanCodingScheme). */
    position: integer("position").notNull().default(0),
    depth: integer("depth").notNull().default(0),
    search: tsvector("search"),
  },
  (t) => [
    uniqueIndex("standards_case_uq").on(t.frameworkId, t.caseIdentifier),
    index("standards_case_identifier_idx").on(t.districtId, t.caseIdentifier),
    index("standards_parent_idx").on(t.frameworkId, t.parentId, t.position),
    index("standards_code_idx").on(t.districtId, sql`lower(${t.humanCodingScheme})`),
    index("standards_search_idx").using("gin", t.search),
  ],
);

/**
 * A learning target: an "I can …" statement a team writes when it unpacks a standard, or a local target of its own.
 * Targets with no community are district-wide (for example one made for a OneRoster learning objective).
 */
export const learningTargets = pgTable(
  "learning_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    standardId: uuid("standard_id").references(() => standards.id, { onDelete: "set null" }),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    essentialStandardId: uuid("essential_standard_id").references((): AnyPgColumn => essentialStandards.id, {
      onDelete: "cascade",
    }),
    code: text("code"),
    statement: text("statement").notNull(),
    position: integer("position").notNull().default(0),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("learning_targets_standard_idx").on(t.standardId),
    index("learning_targets_community_idx").on(t.communityId),
    index("learning_targets_essential_idx").on(t.essentialStandardId, t.position),
  ],
);

export type ProficiencyLevel = { level: number; label: string; descriptor: string };

/**
 * A standard a team has chosen as essential for a course or grade over a span of time (a unit),
 * with the proficiency scale the team wrote for it.
 */
export const essentialStandards = pgTable(
  "essential_standards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    standardId: uuid("standard_id")
      .notNull()
      .references(() => standards.id),
    courseId: uuid("course_id").references(() => courses.id),
    grade: text("grade"),
    unitTitle: text("unit_title").notNull().default(""),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    rationale: text("rationale").notNull().default(""),
    /** The scale, default 1–4; each level has a label and a descriptor the team writes. */
    scaleLevels: jsonb("scale_levels").$type<ProficiencyLevel[]>().notNull(),
    /** Levels at or above this count as proficient. */
    proficientLevel: integer("proficient_level").notNull().default(3),
    position: integer("position").notNull().default(0),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("essential_standards_uq").on(t.communityId, t.standardId, sql`coalesce(${t.unitTitle}, '')`),
    index("essential_standards_community_idx").on(t.communityId, t.position),
  ],
);
