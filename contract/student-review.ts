import { z } from "zod";
import { PlanOutcome } from "./interventions";

export const DECISIONS = ["continue", "adjust", "intensify", "exit"] as const;
export const DecisionKind = z.enum(DECISIONS);
export type DecisionKind = z.infer<typeof DecisionKind>;
export const DecisionFlag = z.enum(["adjust", "consider_exit"]);
export type DecisionFlag = z.infer<typeof DecisionFlag>;
export { PlanOutcome };
export const Tier = z.number().int().min(1).max(3);

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const ReviewQuery = z.strictObject({
  /** Every active plan of the team, not only the flagged ones. */
  all: z.enum(["true", "false"]).optional(),
  /** "Today" for the overdue check; tests freeze it. */
  asOf: z.iso.date().optional(),
  /** How many plans to list, most urgent first (the counts cover them all). */
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A point the decision rule looked at, with the aim line's value that day. */
export const RulePoint = z.object({ measuredOn: z.iso.date(), score: z.number(), aim: z.number() });

/** One plan on the team's review list: the facts the team needs to decide, and why it is flagged. */
export const ReviewItem = z.object({
  planId: z.uuid(),
  student: Ref,
  tier: Tier,
  kind: z.enum(["intervention", "extension"]),
  group: Ref.nullable(),
  focus: z.string(),
  strategy: z.string(),
  measure: z.string(),
  minutesPerSession: z.number().int().nullable(),
  daysPerWeek: z.number().int().nullable(),
  deliveredBy: Ref.nullable(),
  startDate: z.iso.date(),
  reviewDate: z.iso.date(),
  baseline: z.number(),
  goal: z.number(),
  goalDate: z.iso.date(),
  rulePoints: z.number().int(),
  flag: DecisionFlag.nullable(),
  /** The latest points (oldest first) with the aim line's value on each day. */
  points: z.array(RulePoint),
  pointsNeeded: z.number().int(),
  isOverdue: z.boolean(),
  unacknowledgedNotes: z.number().int(),
  latestNote: z.object({ id: z.uuid(), body: z.string(), createdAt: z.string() }).nullable(),
  isFlagged: z.boolean(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** How many listed plans have each reason to be reviewed (a plan may have several). */
export const ReviewCounts = z.object({
  adjust: z.number().int(),
  considerExit: z.number().int(),
  overdue: z.number().int(),
  notes: z.number().int(),
});
export type ReviewCounts = z.infer<typeof ReviewCounts>;

export const ReviewList = z.object({
  asOf: z.iso.date(),
  /** The plans listed before the limit; items holds the first `limit` of them. */
  total: z.number().int(),
  counts: ReviewCounts,
  items: z.array(ReviewItem),
});
export type ReviewList = z.infer<typeof ReviewList>;

/** What the team changes when it adjusts or intensifies a plan. */
export const PlanChanges = z.strictObject({
  strategy: z.string().trim().max(2000).optional(),
  strategyResourceId: z.uuid().nullable().optional(),
  minutesPerSession: z.number().int().min(1).max(600).nullable().optional(),
  daysPerWeek: z.number().int().min(1).max(7).nullable().optional(),
  schedule: z.string().trim().max(500).optional(),
  deliveredById: z.uuid().nullable().optional(),
  goal: z.number().optional(),
  goalDate: z.iso.date().optional(),
});
export type PlanChanges = z.infer<typeof PlanChanges>;

export const DecisionInput = z.strictObject({
  decision: DecisionKind,
  reason: z.string().trim().min(1).max(4000),
  meetingId: z.uuid().optional(),
  flag: DecisionFlag.nullable().optional(),
  nextReviewDate: z.iso.date().optional(),
  changes: PlanChanges.optional(),
  /** For intensify: the new tier, higher than the current one (default one higher). */
  tier: Tier.optional(),
  /** Required for exit. */
  outcome: PlanOutcome.optional(),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

/** One entry of a plan's history: "start" when it was made, then each decision; tiers make the tier history. */
export const PlanDecision = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  decision: z.enum(["start", ...DECISIONS]),
  reason: z.string(),
  tierBefore: Tier.nullable(),
  tierAfter: Tier,
  flag: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  decidedBy: Ref.nullable(),
  decidedOn: z.iso.date(),
});
export type PlanDecision = z.infer<typeof PlanDecision>;

export const PlanDecisionList = z.object({ items: z.array(PlanDecision) });
export type PlanDecisionList = z.infer<typeof PlanDecisionList>;

export const NotYetRespondedQuery = z.strictObject({ asOf: z.iso.date().optional() });

/** A student below proficiency on a team assessment, with no plan started since it was given. */
export const NotYetRespondedItem = z.object({
  student: Ref,
  assessment: z.object({ id: z.uuid(), title: z.string() }),
  targets: z.array(z.object({ id: z.uuid(), statement: z.string() })),
  givenOn: z.iso.date(),
  schoolDaysSince: z.number().int(),
});
export type NotYetRespondedItem = z.infer<typeof NotYetRespondedItem>;

export const NotYetResponded = z.object({
  asOf: z.iso.date(),
  responseDays: z.number().int(),
  items: z.array(NotYetRespondedItem),
});
export type NotYetResponded = z.infer<typeof NotYetResponded>;

export const ResponseDaysInput = z.strictObject({ responseDays: z.number().int().min(1).max(60) });
export const ResponseDays = z.object({ responseDays: z.number().int() });
