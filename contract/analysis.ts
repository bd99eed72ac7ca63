import { z } from "zod";

/** Subgroups smaller than this (or whose complement is) are reported without numbers. */
export const SUPPRESSION_THRESHOLD = 10;

export const LevelCount = z.object({ level: z.number().int(), count: z.number().int() });
export type LevelCount = z.infer<typeof LevelCount>;

/** How many students reached each level on one target, and how many of them are proficient. */
export const Tally = z.object({
  targetId: z.uuid(),
  assessed: z.number().int(),
  proficient: z.number().int(),
  /** Share of assessed students at or above the proficient level, in percent with one decimal; null if none. */
  proficientPercent: z.number().nullable(),
  levels: z.array(LevelCount),
});
export type Tally = z.infer<typeof Tally>;

export const AnalysisTarget = Tally.extend({
  code: z.string().nullable(),
  statement: z.string(),
  maxPoints: z.number(),
  proficientLevel: z.number().int(),
  topLevel: z.number().int(),
  /** Level names from the team's proficiency scale, where the target belongs to an essential standard. */
  levelLabels: z.array(z.object({ level: z.number().int(), label: z.string() })),
  meanPoints: z.number().nullable(),
  /** Ids of students below the proficient level (candidates for intervention), in no particular order. */
  belowProficient: z.array(z.uuid()),
  /**
   * Ids of students at the top level (candidates for extension), in no particular order; always empty when the
   * top level is the proficient level, since then it would list every proficient student.
   */
  atTopLevel: z.array(z.uuid()),
  /**
   * Ids of students scored on some but not all of the target's items: their level (in studentLevels) compares
   * part of the points with cut scores meant for all of them, so they are counted in no level, in neither list
   * above, and not in `assessed`.
   */
  partlyScored: z.array(z.uuid()),
  /** Each student's level on this target, in the order of `students`; null where there is no result. */
  studentLevels: z.array(z.number().int().nullable()),
  /** Students of the assessment's classes, neither absent nor exempt, with no result on this target. */
  notEntered: z.number().int(),
});
export type AnalysisTarget = z.infer<typeof AnalysisTarget>;

/** A class, or a teacher across their classes, with a tally per target (same order as `targets`). */
export const AnalysisGroup = z.object({
  id: z.uuid().nullable(),
  name: z.string(),
  /** For a class: its teachers; for a teacher: their classes. */
  related: z.array(z.string()),
  absent: z.number().int(),
  exempt: z.number().int(),
  /** Students of the group with nothing entered: no result and no sitting. */
  notEntered: z.number().int(),
  targets: z.array(Tally),
});
export type AnalysisGroup = z.infer<typeof AnalysisGroup>;

export const ResponseCount = z.object({ response: z.string(), count: z.number().int() });

export const AnalysisItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  label: z.string(),
  maxPoints: z.number(),
  correctResponse: z.string().nullable(),
  targetIds: z.array(z.uuid()),
  scored: z.number().int(),
  meanPoints: z.number().nullable(),
  percentOfMax: z.number().nullable(),
  percentFullyCorrect: z.number().nullable(),
  /** Responses given, most frequent first (selected-response items). */
  responses: z.array(ResponseCount),
  /** The most frequent response other than the keyed one; null when no key or no wrong response. */
  mostCommonWrong: ResponseCount.nullable(),
});
export type AnalysisItem = z.infer<typeof AnalysisItem>;

/** A sitting's status, or "not_entered": in one of the assessment's classes with nothing entered. */
export const SittingStatus = z.enum(["completed", "absent", "exempt", "not_entered"]);

/** A student in the analysis, in name order; their levels are in each target's studentLevels. */
export const AnalysisStudent = z.object({
  id: z.uuid(),
  name: z.string(),
  classId: z.uuid().nullable(),
  status: SittingStatus,
});
export type AnalysisStudent = z.infer<typeof AnalysisStudent>;

/** Why a subgroup's numbers are hidden: it is small, or it would let a small group be worked out. */
export const Suppression = z.enum(["fewer_than_10", "protects_small_group"]);
export type Suppression = z.infer<typeof Suppression>;

export const SubgroupTally = z.discriminatedUnion("suppressed", [
  Tally.extend({ suppressed: z.literal(false) }),
  z.object({ targetId: z.uuid(), suppressed: z.literal(true), reason: Suppression }),
]);
export type SubgroupTally = z.infer<typeof SubgroupTally>;

export const SUBGROUP_DIMENSIONS = ["sex", "race", "ethnicity"] as const;

export const Subgroup = z.object({
  dimension: z.enum(SUBGROUP_DIMENSIONS),
  key: z.string(),
  label: z.string(),
  targets: z.array(SubgroupTally),
});
export type Subgroup = z.infer<typeof Subgroup>;

/** The team's analysis of one common formative assessment, over the students the reader may see. */
export const AssessmentAnalysis = z.object({
  assessment: z.object({
    id: z.uuid(),
    title: z.string(),
    givenOn: z.string().nullable(),
    communityId: z.uuid().nullable(),
    /** The team counts partly scored results as "needs more time" (belowProficient lists them too). */
    countsPartlyScoredAsNeed: z.boolean(),
  }),
  sittings: z.object({
    assessed: z.number().int(),
    absent: z.number().int(),
    exempt: z.number().int(),
    notEntered: z.number().int(),
  }),
  targets: z.array(AnalysisTarget),
  classes: z.array(AnalysisGroup),
  teachers: z.array(AnalysisGroup),
  items: z.array(AnalysisItem),
  students: z.array(AnalysisStudent),
  subgroups: z.array(Subgroup),
});
export type AssessmentAnalysis = z.infer<typeof AssessmentAnalysis>;

/** The rollup's school, and the period whose results count (the day each result was taken, both days included). */
export const RollupQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/**
 * One learning target across the district's (or a school's) assessments. It counts students, not results: each
 * student once, at their latest result on the target in the period (the assessments they come from are counted in
 * `assessments`), so a student assessed in September and again in November counts once, at November's level.
 */
export const TargetRollupRow = z.object({
  targetId: z.uuid(),
  code: z.string().nullable(),
  statement: z.string(),
  /** Assessments the counted (latest) results come from. */
  assessments: z.number().int(),
  /** Students with a result on the target in the period. */
  assessed: z.number().int(),
  proficient: z.number().int(),
  proficientPercent: z.number().nullable(),
  levels: z.array(LevelCount),
});
export type TargetRollupRow = z.infer<typeof TargetRollupRow>;

export const TargetRollup = z.object({
  schoolId: z.uuid().nullable(),
  /** The period counted; null ends mean no limit on that side. */
  period: z.object({ from: z.iso.date().nullable(), to: z.iso.date().nullable() }),
  items: z.array(TargetRollupRow),
});
export type TargetRollup = z.infer<typeof TargetRollup>;

/** A share in percent with one decimal (half away from zero, as PostgreSQL rounds), or null when there is nothing to share. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}

export const SUBGROUP_LABELS: Record<string, string> = {
  female: "Female",
  male: "Male",
  other: "Other",
  unspecified: "Unspecified",
  americanIndianOrAlaskaNative: "American Indian or Alaska Native",
  asian: "Asian",
  blackOrAfricanAmerican: "Black or African American",
  nativeHawaiianOrOtherPacificIslander: "Native Hawaiian or Other Pacific Islander",
  white: "White",
  twoOrMoreRaces: "Two or more races",
  hispanicOrLatino: "Hispanic or Latino",
};
