import { z } from "zod";

/** The seven stages of a team's improvement cycle (Learning Forward's cycle of continuous improvement). */
export const CYCLE_STAGES = [
  "learning_needs",
  "shared_goals",
  "professional_learning",
  "strategies",
  "implementation",
  "monitoring",
  "evaluation",
] as const;
export const CycleStage = z.enum(CYCLE_STAGES);
export type CycleStage = z.infer<typeof CycleStage>;

/** A cycle is active until the team closes it (finished) or drops it (cancelled); "stalled" is computed. */
export const CYCLE_STATUSES = ["active", "finished", "cancelled"] as const;
export const CycleStatus = z.enum(CYCLE_STATUSES);
export type CycleStatus = z.infer<typeof CycleStatus>;

/** Whether an assessment is the evidence a cycle starts from (its snapshot) or a later one on the same targets. */
export const CYCLE_ASSESSMENT_ROLES = ["baseline", "followup"] as const;
export const CycleAssessmentRole = z.enum(CYCLE_ASSESSMENT_ROLES);
export type CycleAssessmentRole = z.infer<typeof CycleAssessmentRole>;

/** How a team learns together during a cycle. */
export const LEARNING_ACTIVITY_KINDS = [
  "text_study",
  "coaching",
  "classroom_visit",
  "course",
  "workshop",
  "other",
] as const;
export const LearningActivityKind = z.enum(LEARNING_ACTIVITY_KINDS);
export type LearningActivityKind = z.infer<typeof LearningActivityKind>;

/** How a member judged one application of a strategy in class. */
export const IMPLEMENTATION_OUTCOMES = ["went_well", "mixed", "did_not_work"] as const;
export const ImplementationOutcome = z.enum(IMPLEMENTATION_OUTCOMES);
export type ImplementationOutcome = z.infer<typeof ImplementationOutcome>;

/** Start a cycle from one or more of the team's assessments: their results become the pinned baseline. */
export const CycleInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  focus: z.string().trim().max(2000).default(""),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().nullable().optional(),
  baselineAssessmentIds: z.array(z.uuid()).min(1, "Choose at least one assessment.").max(10),
});
export type CycleInput = z.infer<typeof CycleInput>;

/** What the team's leaders change on a cycle: its framing, and closing it (finished) or dropping it (cancelled). */
export const CyclePatch = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  focus: z.string().trim().max(2000).optional(),
  endsOn: z.iso.date().nullable().optional(),
  status: CycleStatus.optional(),
});
export type CyclePatch = z.infer<typeof CyclePatch>;

/** What any working member records: where the team is (the current stage), and its written reflection. */
export const CycleProgressPatch = z.strictObject({
  currentStage: CycleStage.optional(),
  reflection: z.string().trim().max(10000).optional(),
});
export type CycleProgressPatch = z.infer<typeof CycleProgressPatch>;

/** A stage's plan and record: owner and dates (leaders), notes and completion (any working member). */
export const CycleStagePatch = z.strictObject({
  ownerId: z.uuid().nullable().optional(),
  startsOn: z.iso.date().nullable().optional(),
  dueOn: z.iso.date().nullable().optional(),
  notes: z.string().max(10000).optional(),
  isComplete: z.boolean().optional(),
});
export type CycleStagePatch = z.infer<typeof CycleStagePatch>;

export const CycleStageParams = z.strictObject({ id: z.uuid(), stage: CycleStage });

export const CycleStageView = z.object({
  stage: CycleStage,
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  startsOn: z.iso.date().nullable(),
  dueOn: z.iso.date().nullable(),
  completedAt: z.string().nullable(),
  notes: z.string(),
  /** Due date past and not complete. */
  isOverdue: z.boolean(),
});
export type CycleStageView = z.infer<typeof CycleStageView>;

export const CycleAbilities = z.object({ contribute: z.boolean(), manage: z.boolean() });
export type CycleAbilities = z.infer<typeof CycleAbilities>;

export const CycleAssessmentView = z.object({
  id: z.uuid(),
  title: z.string(),
  givenOn: z.iso.date().nullable(),
  role: CycleAssessmentRole,
});

export const CycleSummary = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  title: z.string(),
  focus: z.string(),
  status: CycleStatus,
  currentStage: CycleStage,
  startsOn: z.iso.date(),
  endsOn: z.iso.date().nullable(),
  overdueStages: z.number().int(),
  finishedAt: z.string().nullable(),
});
export type CycleSummary = z.infer<typeof CycleSummary>;

export const CycleList = z.object({ items: z.array(CycleSummary), can: z.object({ create: z.boolean() }) });
export type CycleList = z.infer<typeof CycleList>;

export const Cycle = CycleSummary.extend({
  reflection: z.string(),
  stages: z.array(CycleStageView),
  assessments: z.array(CycleAssessmentView),
  can: CycleAbilities,
});
export type Cycle = z.infer<typeof Cycle>;

export const LearningNeedInput = z.strictObject({ need: z.string().trim().min(1).max(2000) });
export const LearningNeed = z.object({
  id: z.uuid(),
  need: z.string(),
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type LearningNeed = z.infer<typeof LearningNeed>;
export const LearningNeedList = z.object({ items: z.array(LearningNeed) });
export const LearningNeedParams = z.strictObject({ id: z.uuid(), needId: z.uuid() });

export const FollowupInput = z.strictObject({ assessmentId: z.uuid() });
export const FollowupParams = z.strictObject({ id: z.uuid(), assessmentId: z.uuid() });

/** Students of a group whose later result on a target is above, at, or below their baseline level. */
export const GainTally = z.object({
  matched: z.number().int(),
  up: z.number().int(),
  same: z.number().int(),
  down: z.number().int(),
  /** Share (percent, one decimal) of matched students who moved up at least one level. */
  upPercent: z.number().nullable(),
});
export type GainTally = z.infer<typeof GainTally>;

export const LevelCountRow = z.object({ level: z.number().int(), count: z.number().int() });

/** The pinned baseline of one target: students per level when the cycle started. */
export const SnapshotTarget = z.object({
  targetId: z.uuid(),
  code: z.string().nullable(),
  statement: z.string(),
  students: z.number().int(),
  /** Of them, students at or above the target's proficient level on their baseline assessment. */
  proficient: z.number().int(),
  levels: z.array(LevelCountRow),
});

/** A target's baseline compared with the later results that arrived so far (matched by student). */
export const TargetGain = GainTally.extend({
  targetId: z.uuid(),
  code: z.string().nullable(),
  statement: z.string(),
  /** Students in the baseline snapshot (whether or not they have a later result). */
  baseline: z.number().int(),
});
export type TargetGain = z.infer<typeof TargetGain>;

export const GroupGain = GainTally.extend({ id: z.uuid(), name: z.string() });
export type GroupGain = z.infer<typeof GroupGain>;

export const CycleGoalView = z.object({
  id: z.uuid(),
  title: z.string(),
  measureKind: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number(),
  /** The value this page can compute (share of matched students at or above proficient, for proficiency_share). */
  current: z.number().nullable(),
});

/** The cycle's evidence, over the students the reader may see: snapshot, monitoring (stage 6), evaluation (stage 7). */
export const CycleResults = z.object({
  students: z.number().int(),
  snapshot: z.array(SnapshotTarget),
  byTarget: z.array(TargetGain),
  byClass: z.array(GroupGain),
  byTeacher: z.array(GroupGain),
  overall: GainTally,
  goals: z.array(CycleGoalView),
});
export type CycleResults = z.infer<typeof CycleResults>;

export const CycleRecordQuery = z.strictObject({ q: z.string().trim().max(200).optional() });

/** A target's gain in a finished cycle, as shares only; suppressed when fewer than 10 students are matched. */
export const RecordTargetGain = z.discriminatedUnion("suppressed", [
  z.object({
    suppressed: z.literal(false),
    targetId: z.uuid(),
    code: z.string().nullable(),
    statement: z.string(),
    upPercent: z.number().nullable(),
  }),
  z.object({
    suppressed: z.literal(true),
    targetId: z.uuid(),
    code: z.string().nullable(),
    statement: z.string(),
  }),
]);

export const CycleRecordItem = z.object({
  id: z.uuid(),
  title: z.string(),
  focus: z.string(),
  reflection: z.string(),
  communityName: z.string(),
  startsOn: z.iso.date(),
  finishedAt: z.string().nullable(),
  strategies: z.array(z.object({ id: z.uuid(), title: z.string() })),
  gains: z.array(RecordTargetGain),
});
export type CycleRecordItem = z.infer<typeof CycleRecordItem>;
export const CycleRecord = z.object({ items: z.array(CycleRecordItem) });
export type CycleRecord = z.infer<typeof CycleRecord>;
