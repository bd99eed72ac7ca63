import { z } from "zod";

export const INTERVENTION_KINDS = ["intervention", "extension"] as const;
export const InterventionKind = z.enum(INTERVENTION_KINDS);
export type InterventionKind = z.infer<typeof InterventionKind>;
export const INTERVENTION_KIND_LABELS: Record<InterventionKind, string> = {
  intervention: "Intervention",
  extension: "Extension",
};

export const PLAN_STATUSES = ["active", "closed"] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;
export const PLAN_OUTCOMES = ["met", "not_met"] as const;
export const PlanOutcome = z.enum(PLAN_OUTCOMES);
export type PlanOutcome = z.infer<typeof PlanOutcome>;

export const SESSION_ATTENDANCE = ["present", "absent", "not_held"] as const;
export const SessionAttendance = z.enum(SESSION_ATTENDANCE);
export type SessionAttendance = z.infer<typeof SessionAttendance>;
export const SESSION_ATTENDANCE_LABELS: Record<SessionAttendance, string> = {
  present: "Present",
  absent: "Absent",
  not_held: "Not held",
};

export const PLAN_DECISION_KINDS = ["start", "continue", "adjust", "intensify", "exit"] as const;
export const PlanDecisionKind = z.enum(PLAN_DECISION_KINDS);
export type PlanDecisionKind = z.infer<typeof PlanDecisionKind>;

export const DecisionFlag = z.enum(["adjust", "consider_exit"]);
export type DecisionFlag = z.infer<typeof DecisionFlag>;
export const DECISION_FLAG_LABELS: Record<DecisionFlag, string> = { adjust: "Adjust", consider_exit: "Consider exit" };

export const Tier = z.number().int().min(1, "Tier is 1, 2 or 3.").max(3, "Tier is 1, 2 or 3.");

/** A progress-monitoring score: at most two decimals, as the database keeps them. */
export const ProgressScore = z
  .number()
  .min(-99_999)
  .max(99_999)
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, "Use at most two decimals.");

const MinutesPerSession = z.number().int().min(1, "At least 1 minute.").max(240, "At most 240 minutes.");
const DaysPerWeek = z.number().int().min(1, "At least 1 day a week.").max(7, "At most 7 days a week.");

/** What the plan works on; a patch names it without a default, so leaving it out keeps it. */
const Focus = z.string().trim().max(2000);

/** What a plan delivers, how often, measured how, by when: shared by groups, their plans and single plans. */
const DeliveryFields = {
  focus: Focus.default(""),
  learningTargetIds: z.array(z.uuid()).max(50).default([]),
  sourceAssessmentId: z.uuid().nullable().default(null),
  strategyResourceId: z.uuid().nullable().default(null),
  strategy: z.string().trim().max(4000).default(""),
  deliveredById: z.uuid().nullable().default(null),
  minutesPerSession: MinutesPerSession.nullable().default(null),
  daysPerWeek: DaysPerWeek.nullable().default(null),
  schedule: z.string().trim().max(200).default(""),
  startDate: z.iso.date(),
  reviewDate: z.iso.date(),
  goalDate: z.iso.date(),
  measure: z.string().trim().min(1, "Name the measure.").max(200),
};

export const GroupStudentInput = z.strictObject({
  studentId: z.uuid(),
  baseline: ProgressScore.nullable().optional(),
  goal: ProgressScore.nullable().optional(),
});

export const GroupInput = z.strictObject({
  kind: InterventionKind,
  name: z.string().trim().min(1, "Name the group.").max(120),
  /** Extension groups start at tier 1 unless told. */
  tier: Tier.optional(),
  ...DeliveryFields,
  baseline: ProgressScore.nullable().optional(),
  goal: ProgressScore.nullable().optional(),
  students: z.array(GroupStudentInput).min(1, "Choose at least one student.").max(200),
});
export type GroupInput = z.input<typeof GroupInput>;

export const GroupPatch = z.strictObject({
  name: z.string().trim().min(1, "Name the group.").max(120).optional(),
  focus: Focus.optional(),
  strategyResourceId: z.uuid().nullable().optional(),
  strategy: z.string().trim().max(4000).optional(),
  deliveredById: z.uuid().nullable().optional(),
  minutesPerSession: MinutesPerSession.nullable().optional(),
  daysPerWeek: DaysPerWeek.nullable().optional(),
  schedule: z.string().trim().max(200).optional(),
  reviewDate: z.iso.date().optional(),
  goalDate: z.iso.date().optional(),
  measure: z.string().trim().min(1, "Name the measure.").max(200).optional(),
  /** A timestamp closes the group, null reopens it; its plans' status changes only through decisions. */
  closedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type GroupPatch = z.infer<typeof GroupPatch>;

export const PlanInput = z.strictObject({
  communityId: z.uuid(),
  kind: InterventionKind,
  tier: Tier.optional(),
  ...DeliveryFields,
  baseline: ProgressScore,
  goal: ProgressScore,
});
export type PlanInput = z.input<typeof PlanInput>;

/** Tier and status change only through the team's decisions. */
export const PlanPatch = z.strictObject({
  focus: Focus.optional(),
  learningTargetIds: z.array(z.uuid()).max(50).optional(),
  strategyResourceId: z.uuid().nullable().optional(),
  strategy: z.string().trim().max(4000).optional(),
  deliveredById: z.uuid().nullable().optional(),
  minutesPerSession: MinutesPerSession.nullable().optional(),
  daysPerWeek: DaysPerWeek.nullable().optional(),
  schedule: z.string().trim().max(200).optional(),
  startDate: z.iso.date().optional(),
  reviewDate: z.iso.date().optional(),
  goalDate: z.iso.date().optional(),
  measure: z.string().trim().min(1, "Name the measure.").max(200).optional(),
  baseline: ProgressScore.optional(),
  goal: ProgressScore.optional(),
  rulePoints: z.number().int().min(2).max(12).optional(),
});
export type PlanPatch = z.infer<typeof PlanPatch>;

/** One score on a day; null removes that day's score. */
export const ScoreEntry = z.strictObject({
  measuredOn: z.iso.date(),
  score: ProgressScore.nullable(),
  note: z.string().trim().max(500).optional(),
});
export type ScoreEntry = z.infer<typeof ScoreEntry>;

/** Attendance on a day; null removes that day's record. */
export const SessionEntry = z.strictObject({
  sessionOn: z.iso.date(),
  attendance: SessionAttendance.nullable(),
  minutes: z.number().int().min(0).max(240).nullable().optional(),
});
export type SessionEntry = z.infer<typeof SessionEntry>;

export const GroupScoresInput = z.strictObject({
  measuredOn: z.iso.date(),
  scores: z
    .array(
      z.strictObject({
        planId: z.uuid(),
        score: ProgressScore.nullable(),
        note: z.string().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(200),
});
export type GroupScoresInput = z.infer<typeof GroupScoresInput>;

export const GroupSessionsInput = z.strictObject({
  sessionOn: z.iso.date(),
  attendance: z
    .array(
      z.strictObject({
        planId: z.uuid(),
        attendance: SessionAttendance.nullable(),
        minutes: z.number().int().min(0).max(240).nullable().optional(),
      }),
    )
    .min(1)
    .max(200),
});
export type GroupSessionsInput = z.infer<typeof GroupSessionsInput>;

export const EntriesSaved = z.object({ saved: z.number().int(), removed: z.number().int() });
export type EntriesSaved = z.infer<typeof EntriesSaved>;

export const MineQuery = z.strictObject({ mine: z.enum(["true"]) });

const PersonRef = z.object({ id: z.uuid(), name: z.string() });

/** A group in a list: the team's page or one's own groups. */
export const GroupListItem = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  kind: InterventionKind,
  name: z.string(),
  tier: z.number().int(),
  focus: z.string(),
  startDate: z.string(),
  reviewDate: z.string(),
  goalDate: z.string(),
  closedAt: z.string().nullable(),
  deliveredBy: PersonRef.nullable(),
  /** Members the reader may see, active plans only. */
  memberCount: z.number().int(),
  flaggedCount: z.number().int(),
});
export type GroupListItem = z.infer<typeof GroupListItem>;

/** What the actor may do with a team's groups: create one. */
export const GroupsAbilities = z.object({ create: z.boolean() });

export const GroupList = z.object({ items: z.array(GroupListItem), can: GroupsAbilities });
export type GroupList = z.infer<typeof GroupList>;

/** One's own groups span teams, so there is no team to create a group in: no abilities. */
export const OwnGroupList = z.object({ items: z.array(GroupListItem), can: z.object({}) });

export const GroupMember = z.object({
  planId: z.uuid(),
  studentId: z.uuid(),
  studentName: z.string(),
  tier: z.number().int(),
  status: PlanStatus,
  baseline: z.number(),
  goal: z.number(),
  latestScore: z.number().nullable(),
  latestMeasuredOn: z.string().nullable(),
  flag: DecisionFlag.nullable(),
  sessionsPresent: z.number().int(),
  sessionsHeld: z.number().int(),
  canRecordProgress: z.boolean(),
});
export type GroupMember = z.infer<typeof GroupMember>;

/** What the actor may do to a group; recordProgress when at least one member's plan takes it. */
export const GroupAbilities = z.object({ update: z.boolean(), recordProgress: z.boolean() });

export const GroupDetail = GroupListItem.extend({
  learningTargetIds: z.array(z.uuid()),
  sourceAssessmentId: z.uuid().nullable(),
  strategyResource: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  strategy: z.string(),
  minutesPerSession: z.number().int().nullable(),
  daysPerWeek: z.number().int().nullable(),
  schedule: z.string(),
  measure: z.string(),
  members: z.array(GroupMember),
  can: GroupAbilities,
});
export type GroupDetail = z.infer<typeof GroupDetail>;

/** A plan in the student's history. */
export const PlanSummary = z.object({
  id: z.uuid(),
  studentId: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  kind: InterventionKind,
  tier: z.number().int(),
  status: PlanStatus,
  focus: z.string(),
  measure: z.string(),
  startDate: z.string(),
  reviewDate: z.string(),
  goalDate: z.string(),
  deliveredBy: PersonRef.nullable(),
  latestScore: z.number().nullable(),
  latestMeasuredOn: z.string().nullable(),
  flag: DecisionFlag.nullable(),
  outcome: PlanOutcome.nullable(),
  closedAt: z.string().nullable(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const StudentPlans = z.object({ items: z.array(PlanSummary) });
export type StudentPlans = z.infer<typeof StudentPlans>;

const DatedValue = z.object({ date: z.string(), value: z.number() });

/** What the actor may do to an intervention plan. */
export const PlanAbilities = z.object({ update: z.boolean(), recordProgress: z.boolean(), decide: z.boolean() });

export const PlanDetail = PlanSummary.extend({
  student: z.object({ id: z.uuid(), name: z.string(), grade: z.string().nullable() }),
  learningTargetIds: z.array(z.uuid()),
  sourceAssessmentId: z.uuid().nullable(),
  strategyResource: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  strategy: z.string(),
  minutesPerSession: z.number().int().nullable(),
  daysPerWeek: z.number().int().nullable(),
  schedule: z.string(),
  baseline: z.number(),
  goal: z.number(),
  rulePoints: z.number().int(),
  scores: z.array(z.object({ measuredOn: z.string(), score: z.number(), note: z.string() })),
  sessions: z.array(
    z.object({ sessionOn: z.string(), attendance: SessionAttendance, minutes: z.number().int().nullable() }),
  ),
  /** The tier history: the start and every decision since, oldest first. */
  decisions: z.array(
    z.object({
      id: z.uuid(),
      decision: PlanDecisionKind,
      reason: z.string(),
      tierBefore: z.number().int().nullable(),
      tierAfter: z.number().int(),
      flag: z.string().nullable(),
      decidedOn: z.string(),
      decidedBy: PersonRef.nullable(),
    }),
  ),
  aim: z.object({ from: DatedValue, to: DatedValue, slopePerWeek: z.number() }),
  /** The least-squares trend drawn from the first score's date to the goal date; null under two scores. */
  trend: z.object({ from: DatedValue, to: DatedValue, slopePerWeek: z.number() }).nullable(),
  rule: z.object({
    flag: DecisionFlag.nullable(),
    rulePoints: z.number().int(),
    pointsNeeded: z.number().int(),
    window: z.array(z.object({ measuredOn: z.string(), score: z.number(), aim: z.number() })),
  }),
  fidelity: z.object({
    present: z.number().int(),
    held: z.number().int(),
    /** Sessions the plan calls for so far: days per week × whole weeks since the start (to the goal date). */
    planned: z.number().int().nullable(),
    /** present ÷ held, in percent with no decimals; null before any session was held. */
    attendancePercent: z.number().nullable(),
  }),
  can: PlanAbilities,
});
export type PlanDetail = z.infer<typeof PlanDetail>;

/** Checks between fields that zod checks one by one: dates in order. Pointers are relative to the body. */
export function planDateProblems(fields: {
  startDate?: string | undefined;
  reviewDate?: string | undefined;
  goalDate?: string | undefined;
}): { pointer: string; detail: string }[] {
  const problems: { pointer: string; detail: string }[] = [];
  const { startDate, reviewDate, goalDate } = fields;
  if (startDate && goalDate && goalDate <= startDate)
    problems.push({ pointer: "/goalDate", detail: "The goal date comes after the start date." });
  if (startDate && reviewDate && reviewDate < startDate)
    problems.push({ pointer: "/reviewDate", detail: "The review date is on or after the start date." });
  return problems;
}
