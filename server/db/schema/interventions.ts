import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  INTERVENTION_KINDS,
  PLAN_DECISION_KINDS,
  PLAN_OUTCOMES,
  PLAN_STATUSES,
  SESSION_ATTENDANCE,
} from "../../../contract/interventions";
import { assessments } from "./assessments";
import { communities } from "./communities";
import { resources } from "./library";
import { meetings } from "./meetings";
import { districtIdColumn, people, students } from "./organizations";

const score = (name: string) => numeric(name, { precision: 10, scale: 2, mode: "number" });

/** Intervention answers "not yet learned"; extension answers "already learned". Same machinery. */
export const interventionKind = pgEnum("intervention_kind", INTERVENTION_KINDS);
export const planStatus = pgEnum("plan_status", PLAN_STATUSES);
export const planOutcome = pgEnum("plan_outcome", PLAN_OUTCOMES);
export const sessionAttendance = pgEnum("session_attendance", SESSION_ATTENDANCE);
/** "start" is written when a plan is made, so the decisions table is also the plan's tier history. */
export const planDecision = pgEnum("plan_decision", PLAN_DECISION_KINDS);

/**
 * A team's intervention or extension group: the shared delivery of several students' plans. The plans hold
 * the truth per student; the group's fields are what new plans in it start from.
 */
export const interventionGroups = pgTable(
  "intervention_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    kind: interventionKind("kind").notNull(),
    name: text("name").notNull(),
    tier: smallint("tier").notNull().default(2),
    focus: text("focus").notNull().default(""),
    learningTargetIds: uuid("learning_target_ids").array().notNull().default(sql`'{}'::uuid[]`),
    sourceAssessmentId: uuid("source_assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    strategyResourceId: uuid("strategy_resource_id").references(() => resources.id, { onDelete: "set null" }),
    strategy: text("strategy").notNull().default(""),
    deliveredById: uuid("delivered_by_id").references(() => people.id),
    minutesPerSession: smallint("minutes_per_session"),
    daysPerWeek: smallint("days_per_week"),
    schedule: text("schedule").notNull().default(""),
    startDate: date("start_date").notNull(),
    reviewDate: date("review_date").notNull(),
    goalDate: date("goal_date").notNull(),
    measure: text("measure").notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("intervention_groups_community_idx").on(t.communityId, t.closedAt),
    check("intervention_groups_tier_range", sql`${t.tier} between 1 and 3`),
  ],
);

/** One student's plan: what they get, from whom, how often, measured how, towards which goal by when. */
export const interventionPlans = pgTable(
  "intervention_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => interventionGroups.id, { onDelete: "set null" }),
    kind: interventionKind("kind").notNull(),
    tier: smallint("tier").notNull(),
    status: planStatus("status").notNull().default("active"),
    focus: text("focus").notNull().default(""),
    learningTargetIds: uuid("learning_target_ids").array().notNull().default(sql`'{}'::uuid[]`),
    sourceAssessmentId: uuid("source_assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    strategyResourceId: uuid("strategy_resource_id").references(() => resources.id, { onDelete: "set null" }),
    strategy: text("strategy").notNull().default(""),
    deliveredById: uuid("delivered_by_id").references(() => people.id),
    minutesPerSession: smallint("minutes_per_session"),
    daysPerWeek: smallint("days_per_week"),
    schedule: text("schedule").notNull().default(""),
    startDate: date("start_date").notNull(),
    reviewDate: date("review_date").notNull(),
    measure: text("measure").notNull(),
    baseline: score("baseline").notNull(),
    goal: score("goal").notNull(),
    goalDate: date("goal_date").notNull(),
    /** How many of the latest points the decision rule looks at. */
    rulePoints: smallint("rule_points").notNull().default(4),
    outcome: planOutcome("outcome"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("intervention_plans_community_idx").on(t.communityId, t.status),
    index("intervention_plans_student_idx").on(t.studentId, t.startDate),
    index("intervention_plans_group_idx").on(t.groupId),
    index("intervention_plans_district_idx").on(t.districtId, t.status, t.reviewDate),
    check("intervention_plans_tier_range", sql`${t.tier} between 1 and 3`),
    check("intervention_plans_rule_points_range", sql`${t.rulePoints} between 2 and 12`),
    check("intervention_plans_dates", sql`${t.goalDate} > ${t.startDate}`),
  ],
);

/** A progress-monitoring score on the plan's measure; one per plan and day (quick entry overwrites). */
export const progressScores = pgTable(
  "progress_scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => interventionPlans.id, { onDelete: "cascade" }),
    measuredOn: date("measured_on").notNull(),
    score: score("score").notNull(),
    note: text("note").notNull().default(""),
    recordedById: uuid("recorded_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("progress_scores_uq").on(t.planId, t.measuredOn)],
);

/** Whether the student got the session on that day: the plan's fidelity. */
export const interventionSessions = pgTable(
  "intervention_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => interventionPlans.id, { onDelete: "cascade" }),
    sessionOn: date("session_on").notNull(),
    attendance: sessionAttendance("attendance").notNull(),
    minutes: smallint("minutes"),
    recordedById: uuid("recorded_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("intervention_sessions_uq").on(t.planId, t.sessionOn)],
);

/** The team's decisions on a plan, with the reason; tier_before/tier_after make the tier history. */
export const planDecisions = pgTable(
  "plan_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => interventionPlans.id, { onDelete: "cascade" }),
    decision: planDecision("decision").notNull(),
    reason: text("reason").notNull(),
    tierBefore: smallint("tier_before"),
    tierAfter: smallint("tier_after").notNull(),
    /** The decision rule's flag when the team decided ("adjust", "consider_exit"), if any. */
    flag: text("flag"),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    decidedById: uuid("decided_by_id").references(() => people.id),
    decidedOn: date("decided_on").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Every column the tier-history reads (plan, day, order within a day, tier) is in the index: index-only scans.
  (t) => [index("plan_decisions_plan_idx").on(t.planId, t.decidedOn, t.createdAt, t.tierAfter, t.tierBefore)],
);

/** A note from a family member to the team about their child (family voice). */
export const familyNotes = pgTable(
  "family_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    studentId: uuid("student_id")
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id),
    planId: uuid("plan_id").references(() => interventionPlans.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    language: text("language").notNull().default("en"),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedById: uuid("acknowledged_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("family_notes_student_idx").on(t.studentId, t.createdAt)],
);

/** The team's answers to a family's note: the conversation, each reply in the language it was written in. */
export const familyNoteReplies = pgTable(
  "family_note_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    noteId: uuid("note_id")
      .notNull()
      .references(() => familyNotes.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id),
    body: text("body").notNull(),
    language: text("language").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("family_note_replies_note_idx").on(t.noteId, t.createdAt)],
);
