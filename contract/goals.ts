import { z } from "zod";

/** Goals line up from the district down to one educator. */
export const GOAL_LEVELS = ["district", "school", "team", "individual"] as const;
export const GoalLevel = z.enum(GOAL_LEVELS);
export type GoalLevel = z.infer<typeof GoalLevel>;

/** A goal for students' learning or for educators' own learning and practice. */
export const GOAL_KINDS = ["student", "educator"] as const;
export const GoalKind = z.enum(GOAL_KINDS);
export type GoalKind = z.infer<typeof GoalKind>;

/**
 * How a goal is measured: bound to live data where possible (share of students at or above proficient,
 * share of students below proficiency with a plan within N school days, meetings held against scheduled),
 * otherwise by the values its check-ins record.
 */
export const GOAL_MEASURE_KINDS = ["proficiency_share", "response_within_days", "meetings_held", "checkin"] as const;
export const GoalMeasureKind = z.enum(GOAL_MEASURE_KINDS);
export type GoalMeasureKind = z.infer<typeof GoalMeasureKind>;

/** A goal's computed status (the rule is in server/features/goals). */
export const GOAL_STATUSES = ["on_track", "at_risk", "off_track", "met", "not_met", "no_data"] as const;
export const GoalStatus = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof GoalStatus>;

/** A measure bound to live data (or to check-ins), with the parameters each kind needs. */
export const GoalMeasure = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("proficiency_share"),
    targetId: z.uuid(),
    gradeLevel: z.string().trim().min(1).max(20).optional(),
    /** Only these assessments' results count; none named: every assessment on the target. */
    assessmentIds: z.array(z.uuid()).max(50).optional(),
    schoolId: z.uuid().optional(),
    communityId: z.uuid().optional(),
  }),
  z.strictObject({
    kind: z.literal("response_within_days"),
    /** The team whose assessments call for a response; the goal's own team when left out. */
    communityId: z.uuid().optional(),
    /** School days to respond; the team's own setting when left out. */
    days: z.number().int().min(0).max(60).optional(),
  }),
  z.strictObject({ kind: z.literal("meetings_held"), communityId: z.uuid().optional() }),
  z.strictObject({ kind: z.literal("checkin") }),
]);
export type GoalMeasure = z.infer<typeof GoalMeasure>;

const Title = z.string().trim().min(1).max(300);
const Description = z.string().trim().max(5000);
const Unit = z.string().trim().min(1).max(40);

const goalFields = {
  level: GoalLevel,
  kind: GoalKind.default("student"),
  title: Title,
  description: Description.default(""),
  schoolId: z.uuid().nullable().default(null),
  communityId: z.uuid().nullable().default(null),
  /** Whose goal it is; the author when left out. */
  ownerId: z.uuid().nullable().default(null),
  measure: GoalMeasure,
  unit: Unit.default("percent"),
  baseline: z.number().finite().nullable().default(null),
  target: z.number().finite(),
  startsOn: z.iso.date(),
  dueOn: z.iso.date(),
  /** The goals this one serves (a level above, or a school goal serving a district goal). */
  servesGoalIds: z.array(z.uuid()).max(20).default([]),
  /** The team's improvement cycle this goal is set within (a team goal of that cycle's team). */
  cycleId: z.uuid().nullable().default(null),
};

function dueAfterStart(goal: { startsOn?: string; dueOn?: string }, ctx: z.RefinementCtx) {
  if (goal.startsOn && goal.dueOn && goal.dueOn <= goal.startsOn) {
    ctx.addIssue({ code: "custom", path: ["dueOn"], message: "The due date must come after the start date." });
  }
}

export const GoalInput = z.strictObject(goalFields).superRefine((goal, ctx) => {
  dueAfterStart(goal, ctx);
  if (goal.level === "school" && !goal.schoolId) {
    ctx.addIssue({ code: "custom", path: ["schoolId"], message: "Choose the school this goal is for." });
  }
  if (goal.level === "team" && !goal.communityId) {
    ctx.addIssue({ code: "custom", path: ["communityId"], message: "Choose the team this goal is for." });
  }
});
export type GoalInput = z.input<typeof GoalInput>;

export const GoalPatch = z
  .strictObject({
    title: Title.optional(),
    description: Description.optional(),
    ownerId: z.uuid().optional(),
    measure: GoalMeasure.optional(),
    unit: Unit.optional(),
    baseline: z.number().finite().nullable().optional(),
    target: z.number().finite().optional(),
    startsOn: z.iso.date().optional(),
    dueOn: z.iso.date().optional(),
    servesGoalIds: z.array(z.uuid()).max(20).optional(),
    archived: z.boolean().optional(),
  })
  .superRefine(dueAfterStart);

export const CheckinInput = z.strictObject({
  checkedOn: z.iso.date(),
  value: z.number().finite().nullable().default(null),
  note: z.string().trim().max(3000).default(""),
});

const Ref = z.object({ id: z.uuid(), name: z.string() });

/** A goal's value now: computed from live data over the students the reader may see, or its latest check-in. */
export const GoalProgress = z.object({
  value: z.number().nullable(),
  /** How many students (or meetings) the value counts; null for check-in values. */
  count: z.number().int().nullable(),
  /** Too few students to show a share without identifying them (the analysis's threshold). */
  suppressed: z.boolean(),
  status: GoalStatus,
  /** Where the trajectory from baseline to target says the value should be today. */
  expected: z.number().nullable(),
});

export const GoalAbilities = z.object({ update: z.boolean(), checkIn: z.boolean() });

export const GoalSummary = z.object({
  id: z.uuid(),
  level: GoalLevel,
  kind: GoalKind,
  title: z.string(),
  school: Ref.nullable(),
  community: Ref.nullable(),
  cycleId: z.uuid().nullable(),
  owner: Ref,
  measure: GoalMeasure,
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number(),
  startsOn: z.string(),
  dueOn: z.string(),
  archived: z.boolean(),
  servesGoalIds: z.array(z.uuid()),
  progress: GoalProgress,
  can: GoalAbilities,
});
export type GoalSummary = z.infer<typeof GoalSummary>;

export const GoalCheckin = z.object({
  id: z.uuid(),
  checkedOn: z.string(),
  value: z.number().nullable(),
  note: z.string(),
  author: Ref.nullable(),
});

export const Goal = GoalSummary.extend({
  description: z.string(),
  serves: z.array(z.object({ id: z.uuid(), title: z.string(), level: GoalLevel })),
  servedBy: z.array(z.object({ id: z.uuid(), title: z.string(), level: GoalLevel })),
  checkins: z.array(GoalCheckin),
});
export type Goal = z.infer<typeof Goal>;

export const GOAL_SORTS = ["title", "due", "level", "status"] as const;

export const GoalsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  level: GoalLevel.optional(),
  schoolId: z.uuid().optional(),
  communityId: z.uuid().optional(),
  cycleId: z.uuid().optional(),
  status: GoalStatus.optional(),
  includeArchived: z.enum(["true", "false"]).default("false"),
  sort: z.enum(GOAL_SORTS).default("level"),
});

/** Where the reader may set goals: the levels, and at the school and team levels which schools and teams. */
export const GoalCreateOptions = z.object({
  levels: z.array(GoalLevel),
  schools: z.array(Ref),
  communities: z.array(Ref),
});
export type GoalCreateOptions = z.infer<typeof GoalCreateOptions>;

export const GoalList = z.object({
  items: z.array(GoalSummary),
  create: GoalCreateOptions,
  /** The schools and teams to filter by: the district's schools, the teams the reader sees. */
  schools: z.array(Ref),
  communities: z.array(Ref),
});

/** One node of the alignment tree: a goal and the goals that serve it. */
export type GoalTreeNode = { goal: GoalSummary; children: GoalTreeNode[] };
export const GoalTreeNode: z.ZodType<GoalTreeNode> = z.lazy(() =>
  z.object({ goal: GoalSummary, children: z.array(GoalTreeNode) }),
);

export const GoalTree = z.object({
  /** District goals with what serves them, down to individual goals. */
  roots: z.array(GoalTreeNode),
  /** Visible goals that serve no goal the reader sees and are not district goals. */
  unaligned: z.array(GoalSummary),
  /** District and school goals with nothing beneath them. */
  unsupportedIds: z.array(z.uuid()),
  /** Team goals that serve no school goal. */
  teamsWithoutSchoolGoal: z.array(z.uuid()),
});
export type GoalTree = z.infer<typeof GoalTree>;
