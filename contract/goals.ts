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
