import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import {
  CYCLE_ASSESSMENT_ROLES,
  CYCLE_STAGES,
  CYCLE_STATUSES,
  IMPLEMENTATION_OUTCOMES,
  LEARNING_ACTIVITY_KINDS,
} from "../../../contract/cycles";
import { GOAL_KINDS, GOAL_LEVELS, GOAL_MEASURE_KINDS } from "../../../contract/goals";
import { assessments } from "./assessments";
import { communities } from "./communities";
import { resources } from "./library";
import { meetings, protocols } from "./meetings";
import { districtIdColumn, districts, people, schools, students } from "./organizations";
import { classes } from "./rosters";
import { learningTargets } from "./standards";
import { classroomVisits } from "./visits";

export const cycleStage = pgEnum("cycle_stage", CYCLE_STAGES);
export const cycleStatus = pgEnum("cycle_status", CYCLE_STATUSES);
export const cycleAssessmentRole = pgEnum("cycle_assessment_role", CYCLE_ASSESSMENT_ROLES);
export const learningActivityKind = pgEnum("learning_activity_kind", LEARNING_ACTIVITY_KINDS);
export const implementationOutcome = pgEnum("implementation_outcome", IMPLEMENTATION_OUTCOMES);
export const goalLevel = pgEnum("goal_level", GOAL_LEVELS);
export const goalKind = pgEnum("goal_kind", GOAL_KINDS);
export const goalMeasureKind = pgEnum("goal_measure_kind", GOAL_MEASURE_KINDS);

/** A team's improvement cycle: from learning needs found in student data to the evaluation of results. */
export const cycles = pgTable(
  "cycles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    focus: text("focus").notNull().default(""),
    status: cycleStatus("status").notNull().default("active"),
    currentStage: cycleStage("current_stage").notNull().default("learning_needs"),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    /** The team's written reflection at evaluation. */
    reflection: text("reflection").notNull().default(""),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cycles_community_idx").on(t.communityId, t.startsOn),
    index("cycles_district_idx").on(t.districtId, t.status),
  ],
);

/** Each stage of a cycle: who owns it, when it runs, when it was done, and the team's notes on it. */
export const cycleStages = pgTable(
  "cycle_stages",
  {
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    stage: cycleStage("stage").notNull(),
    ownerId: uuid("owner_id").references(() => people.id),
    startsOn: date("starts_on"),
    dueOn: date("due_on"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    notes: text("notes").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.stage] })],
);

/** The assessments a cycle rests on: the baseline it was started from and later ones on the same targets. */
export const cycleAssessments = pgTable(
  "cycle_assessments",
  {
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    role: cycleAssessmentRole("role").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.assessmentId] })],
);

/**
 * The pinned copy of the baseline: which student was at which level on which target when the cycle started.
 * Later changes to results do not touch it, so the cycle's starting point stays reproducible.
 */
export const cycleSnapshotResults = pgTable(
  "cycle_snapshot_results",
  {
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    assessmentId: uuid("assessment_id").notNull(),
    targetId: uuid("target_id")
      .notNull()
      .references(() => learningTargets.id),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    classId: uuid("class_id").references(() => classes.id, { onDelete: "set null" }),
    level: smallint("level").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.assessmentId, t.targetId, t.studentId] }),
    index("cycle_snapshot_student_idx").on(t.cycleId, t.targetId, t.studentId),
  ],
);

/**
 * A cycle's evidence as its pages read it, kept as a cache: one row per target and student of the pinned baseline
 * (the latest baseline when several measured the target) with the target's proficient level and the student's
 * latest later level (null until there is one). Rebuilt whole from cycle_snapshot_results and target_results
 * whenever the signature of what it was built from changes (cycle_evidence_state; cycles/cycle-evidence.ts).
 */
export const cycleEvidence = pgTable(
  "cycle_evidence",
  {
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => learningTargets.id),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    classId: uuid("class_id").references(() => classes.id, { onDelete: "set null" }),
    before: smallint("before").notNull(),
    after: smallint("after"),
    proficient: smallint("proficient").notNull(),
    /** Set on one matched row per student, so distinct students are counted without a sort. */
    firstMatched: boolean("first_matched").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.targetId, t.studentId] })],
);

/** What a cycle's cached evidence was built from: the cycle, its assessments and their results versions. */
export const cycleEvidenceState = pgTable("cycle_evidence_state", {
  cycleId: uuid("cycle_id")
    .primaryKey()
    .references(() => cycles.id, { onDelete: "cascade" }),
  districtId: districtIdColumn(),
  signature: text("signature").notNull(),
  builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
});

/** What the educators themselves need to learn to teach this better. */
export const cycleLearningNeeds = pgTable(
  "cycle_learning_needs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id),
    need: text("need").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cycle_learning_needs_cycle_idx").on(t.cycleId)],
);

/** The team's learning log: who learned what, how, for how many minutes, with what it links to. */
export const cycleLearningLog = pgTable(
  "cycle_learning_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    kind: learningActivityKind("kind").notNull(),
    description: text("description").notNull(),
    minutes: integer("minutes").notNull(),
    learnedOn: date("learned_on").notNull(),
    protocolId: uuid("protocol_id").references(() => protocols.id, { onDelete: "set null" }),
    resourceId: uuid("resource_id").references(() => resources.id, { onDelete: "set null" }),
    visitId: uuid("visit_id").references(() => classroomVisits.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cycle_learning_log_cycle_idx").on(t.cycleId), check("cycle_learning_minutes", sql`${t.minutes} > 0`)],
);

/** The evidence-based strategies (library resources) a cycle chose. */
export const cycleStrategies = pgTable(
  "cycle_strategies",
  {
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    chosenById: uuid("chosen_by_id").references(() => people.id),
    chosenAt: timestamp("chosen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.resourceId] }), index("cycle_strategies_resource_idx").on(t.resourceId)],
);

/** One member's application of a strategy with a class, and how it went. */
export const cycleImplementations = pgTable(
  "cycle_implementations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    resourceId: uuid("resource_id").references(() => resources.id, { onDelete: "set null" }),
    classId: uuid("class_id").references(() => classes.id, { onDelete: "set null" }),
    appliedOn: date("applied_on").notNull(),
    outcome: implementationOutcome("outcome").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cycle_implementations_cycle_idx").on(t.cycleId, t.appliedOn)],
);

/** What the team changed while monitoring, and why. */
export const cycleRefinements = pgTable(
  "cycle_refinements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id),
    change: text("change").notNull(),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cycle_refinements_cycle_idx").on(t.cycleId)],
);

/** The measure's parameters, by kind (validated by the contract before it is stored). */
export type GoalMeasureParams = Record<string, unknown>;

/** A SMART goal at one of four levels, with a baseline, a target, a due date and a measure. */
export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    level: goalLevel("level").notNull(),
    kind: goalKind("kind").notNull().default("student"),
    schoolId: uuid("school_id").references(() => schools.id),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    /** A team's goal set within one of its cycles (the cycle's "shared goals" stage). */
    cycleId: uuid("cycle_id").references(() => cycles.id, { onDelete: "set null" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => people.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    measureKind: goalMeasureKind("measure_kind").notNull(),
    measure: jsonb("measure").$type<GoalMeasureParams>().notNull().default({}),
    unit: text("unit").notNull().default("percent"),
    baseline: doublePrecision("baseline"),
    target: doublePrecision("target").notNull(),
    startsOn: date("starts_on").notNull(),
    dueOn: date("due_on").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("goals_district_idx").on(t.districtId, t.level),
    index("goals_community_idx").on(t.communityId),
    index("goals_owner_idx").on(t.ownerId),
    index("goals_cycle_idx").on(t.cycleId),
    check(
      "goals_level_scope",
      sql`(${t.level} <> 'school' or ${t.schoolId} is not null) and (${t.level} <> 'team' or ${t.communityId} is not null)`,
    ),
  ],
);

/**
 * A goal's measured value over the whole district, as a reader who sees every student of it reads it, kept as a
 * cache with the signature of what it was computed from (goals/goal-measure-cache.ts); recomputed when that
 * signature changes.
 */
export const goalMeasureCache = pgTable(
  "goal_measure_cache",
  {
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    /** Whose students it was measured over: "district" (every student), or "schools:<ids>" (those schools'). */
    scope: text("scope").notNull().default("district"),
    districtId: districtIdColumn(),
    signature: text("signature").notNull(),
    value: doublePrecision("value"),
    count: integer("count"),
    suppressed: boolean("suppressed").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.scope] })],
);

/**
 * A leader's rollup that reads a whole school or district (the homes' responsiveness), kept with the signature of
 * what it was computed from, and computed again only when that changes (features/home/rollup-cache.ts).
 */
export const rollupCache = pgTable(
  "rollup_cache",
  {
    districtId: districtIdColumn(),
    key: text("key").notNull(),
    signature: text("signature").notNull(),
    value: jsonb("value").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.key] })],
);

/**
 * Counters the database bumps on every statement that changes a district's intervention plans or its roster of
 * students and classes (migration 0021), so a cached figure can tell whether they changed since it was computed.
 */
export const districtDataVersions = pgTable("district_data_versions", {
  districtId: uuid("district_id")
    .primaryKey()
    .references(() => districts.id, { onDelete: "cascade" }),
  plans: bigint("plans", { mode: "number" }).notNull().default(0),
  roster: bigint("roster", { mode: "number" }).notNull().default(0),
});

/** Alignment: a goal serves one or more goals above it. */
export const goalLinks = pgTable(
  "goal_links",
  {
    districtId: districtIdColumn(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    servesGoalId: uuid("serves_goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.goalId, t.servesGoalId] }),
    index("goal_links_serves_idx").on(t.servesGoalId),
    check("goal_links_not_self", sql`${t.goalId} <> ${t.servesGoalId}`),
  ],
);

/** A periodic check-in: a note, and a value for measures not bound to data. */
export const goalCheckins = pgTable(
  "goal_checkins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id),
    checkedOn: date("checked_on").notNull(),
    value: doublePrecision("value"),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("goal_checkins_goal_idx").on(t.goalId, t.checkedOn)],
);

/** A meeting held for one stage of a cycle: its agenda opens on that stage's evidence. */
export const cycleMeetings = pgTable(
  "cycle_meetings",
  {
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    stage: cycleStage("stage").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.meetingId] }), index("cycle_meetings_meeting_idx").on(t.meetingId)],
);

/** Classroom visits and coaching tied to a cycle's implementation. */
export const cycleVisits = pgTable(
  "cycle_visits",
  {
    districtId: districtIdColumn(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => classroomVisits.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.visitId] }), index("cycle_visits_visit_idx").on(t.visitId)],
);
