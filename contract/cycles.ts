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
