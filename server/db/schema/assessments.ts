import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ASSESSMENT_STATUSES, SITTING_STATUSES } from "../../../contract/assessments";
import { communities } from "./communities";
import { districtIdColumn, people, students } from "./organizations";
import { classes } from "./rosters";
import { learningTargets } from "./standards";

const points = (name: string) => numeric(name, { precision: 8, scale: 2, mode: "number" });

export const assessmentStatus = pgEnum("assessment_status", ASSESSMENT_STATUSES);

/** A common formative assessment a team builds and gives to the classes of its members. */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    givenOn: date("given_on"),
    status: assessmentStatus("status").notNull().default("draft"),
    /** The OneRoster lineItem this assessment came from, if any. */
    sourcedId: text("sourced_id"),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Counts every change to the assessment's target results (or to a proficient level of its targets), bumped by
     * the database with its result counts (migration 0020), so a reader can tell whether what it built from them is
     * still current.
     */
    resultsVersion: bigint("results_version", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    index("assessments_community_idx").on(t.communityId, t.givenOn),
    uniqueIndex("assessments_sourced_id_uq").on(t.districtId, t.sourcedId),
  ],
);

/** The classes an assessment is given to. */
export const assessmentClasses = pgTable(
  "assessment_classes",
  {
    districtId: districtIdColumn(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.classId] }), index("assessment_classes_class_idx").on(t.classId)],
);

/** A question or section of an assessment, worth some points, aligned to one or more targets. */
export const assessmentItems = pgTable(
  "assessment_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    maxPoints: points("max_points").notNull(),
    /** For selected-response items: the keyed answer, so the most common wrong answer can be found. */
    correctResponse: text("correct_response"),
  },
  (t) => [index("assessment_items_assessment_idx").on(t.assessmentId, t.position)],
);

export const itemTargets = pgTable(
  "item_targets",
  {
    districtId: districtIdColumn(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => assessmentItems.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => learningTargets.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.targetId] }), index("item_targets_target_idx").on(t.targetId)],
);

/**
 * A target an assessment measures, with its cut scores: the least raw points (on this assessment's items
 * for the target) that reach each level, lowest level first, and the level that counts as proficient.
 */
export const assessmentTargets = pgTable(
  "assessment_targets",
  {
    districtId: districtIdColumn(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => learningTargets.id),
    position: integer("position").notNull().default(0),
    maxPoints: points("max_points").notNull(),
    cutScores: jsonb("cut_scores").$type<{ level: number; minPoints: number }[]>().notNull(),
    proficientLevel: integer("proficient_level").notNull().default(3),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.targetId] }), index("assessment_targets_target_idx").on(t.targetId)],
);

export const sittingStatus = pgEnum("sitting_status", SITTING_STATUSES);

/** A student's sitting of an assessment: completed, absent or exempt (the last two are never counted as zero). */
export const assessmentSittings = pgTable(
  "assessment_sittings",
  {
    districtId: districtIdColumn(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    classId: uuid("class_id").references(() => classes.id, { onDelete: "set null" }),
    status: sittingStatus("status").notNull().default("completed"),
    sourcedId: text("sourced_id"),
    enteredById: uuid("entered_by_id").references(() => people.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.studentId] }),
    index("assessment_sittings_student_idx").on(t.studentId),
  ],
);

/** Points a student earned on one item, and the response given where the item is selected-response. */
export const itemScores = pgTable(
  "item_scores",
  {
    districtId: districtIdColumn(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => assessmentItems.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    points: points("points"),
    response: text("response"),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.studentId, t.itemId] }), index("item_scores_item_idx").on(t.itemId)],
);

/**
 * A student's result on one target of one assessment: raw points and the level the cut scores give.
 * Derived from item scores when they are entered, or imported directly (OneRoster resultLearningObjectiveIds).
 * Analysis reads only this table, so it stays fast at district scale.
 */
export const targetResults = pgTable(
  "target_results",
  {
    districtId: districtIdColumn(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => learningTargets.id),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    classId: uuid("class_id").references(() => classes.id, { onDelete: "set null" }),
    points: points("points").notNull(),
    level: smallint("level").notNull(),
    assessedOn: date("assessed_on"),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.targetId, t.studentId] }),
    index("target_results_student_idx").on(t.studentId, t.assessedOn),
    index("target_results_target_idx").on(t.districtId, t.targetId),
  ],
);

/**
 * How many students reached each level on each target of each assessment, per class and school: a rollup of
 * target_results that database triggers keep current (migration 0005), so district- and school-wide
 * views read thousands of rows instead of millions.
 */
export const targetResultCounts = pgTable(
  "target_result_counts",
  {
    districtId: districtIdColumn(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => learningTargets.id, { onDelete: "cascade" }),
    classId: uuid("class_id"),
    schoolId: uuid("school_id"),
    level: smallint("level").notNull(),
    students: integer("students").notNull(),
  },
  (t) => [
    index("target_result_counts_target_idx").on(t.districtId, t.targetId),
    index("target_result_counts_assessment_idx").on(t.assessmentId),
  ],
);

/**
 * The students below the proficient level on at least one target of an assessment: derived from target_results
 * and assessment_targets by the same triggers as target_result_counts (migration 0008), so "who needs a
 * response" is read per student instead of from every result row. With the targets they are below on, and of
 * those the ones whose result is whole, not partly scored (migration 0022): a partly scored result is a call to
 * respond only where the team counts it as a need.
 */
export const belowProficientStudents = pgTable(
  "below_proficient_students",
  {
    districtId: districtIdColumn(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    targets: uuid("targets").array().notNull().default(sql`'{}'::uuid[]`),
    wholeTargets: uuid("whole_targets").array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.studentId] }),
    index("below_proficient_students_student_idx").on(t.studentId, t.assessmentId),
  ],
);
