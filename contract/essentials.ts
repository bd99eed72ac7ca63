import { z } from "zod";

/** A team's proficiency scale has between two and six levels, numbered from 1 in order. */
export const MIN_SCALE_LEVELS = 2;
export const MAX_SCALE_LEVELS = 6;

export const ProficiencyLevel = z.object({ level: z.number().int(), label: z.string(), descriptor: z.string() });
export type ProficiencyLevel = z.infer<typeof ProficiencyLevel>;

/** The scale a team starts from; it rewrites the descriptors for each essential standard. */
export const DEFAULT_SCALE: readonly ProficiencyLevel[] = [
  { level: 1, label: "Beginning", descriptor: "With help, shows partial understanding of the simpler parts." },
  {
    level: 2,
    label: "Approaching",
    descriptor: "Understands the simpler parts on their own, not yet the whole target.",
  },
  { level: 3, label: "Proficient", descriptor: "Meets the target on their own, without major errors." },
  { level: 4, label: "Advanced", descriptor: "Goes beyond the target: applies it in new situations and explains why." },
];
export const DEFAULT_PROFICIENT_LEVEL = 3;

/** A level as the team writes it; its number is its place in the list. */
export const ScaleLevelInput = z.strictObject({
  label: z.string().trim().min(1).max(60),
  descriptor: z.string().trim().max(1000).default(""),
});

const ScaleLevelsInput = z.array(ScaleLevelInput).min(MIN_SCALE_LEVELS).max(MAX_SCALE_LEVELS);

const essentialFields = {
  courseId: z.uuid().nullable(),
  grade: z.string().trim().max(20).nullable(),
  unitTitle: z.string().trim().max(200),
  startsOn: z.iso.date().nullable(),
  endsOn: z.iso.date().nullable(),
  rationale: z.string().trim().max(4000),
  scaleLevels: ScaleLevelsInput,
  proficientLevel: z.number().int().min(1).max(MAX_SCALE_LEVELS),
};

type SpanAndScale = {
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  scaleLevels?: unknown[] | undefined;
  proficientLevel?: number | undefined;
};

/** The unit ends after it starts; the proficient level is one of the scale's levels. */
function checkSpanAndScale(value: SpanAndScale, ctx: z.RefinementCtx) {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn)
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The unit must end on or after the day it starts." });
  const levels = value.scaleLevels?.length ?? 0;
  // A scale of the wrong size is reported on its own; the level is checked against a scale that fits.
  if (levels >= MIN_SCALE_LEVELS && levels <= MAX_SCALE_LEVELS && (value.proficientLevel ?? 0) > levels)
    ctx.addIssue({ code: "custom", path: ["proficientLevel"], message: "Choose one of the scale's levels." });
}

export const EssentialStandardInput = z
  .strictObject({
    standardId: z.uuid(),
    courseId: essentialFields.courseId.default(null),
    grade: essentialFields.grade.default(null),
    unitTitle: essentialFields.unitTitle.default(""),
    startsOn: essentialFields.startsOn.default(null),
    endsOn: essentialFields.endsOn.default(null),
    rationale: essentialFields.rationale.default(""),
    scaleLevels: ScaleLevelsInput.default(DEFAULT_SCALE.map(({ label, descriptor }) => ({ label, descriptor }))),
    proficientLevel: essentialFields.proficientLevel.default(DEFAULT_PROFICIENT_LEVEL),
  })
  .superRefine(checkSpanAndScale);
export type EssentialStandardInput = z.infer<typeof EssentialStandardInput>;

/** Changes to an essential standard; a new scale must come with a proficient level that fits it. */
export const EssentialStandardPatch = z
  .strictObject({
    courseId: essentialFields.courseId.optional(),
    grade: essentialFields.grade.optional(),
    unitTitle: essentialFields.unitTitle.optional(),
    startsOn: essentialFields.startsOn.optional(),
    endsOn: essentialFields.endsOn.optional(),
    rationale: essentialFields.rationale.optional(),
    scaleLevels: ScaleLevelsInput.optional(),
    proficientLevel: essentialFields.proficientLevel.optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .superRefine(checkSpanAndScale);
export type EssentialStandardPatch = z.infer<typeof EssentialStandardPatch>;

export const LearningTargetInput = z.strictObject({
  statement: z.string().trim().min(1).max(500),
  code: z.string().trim().max(40).nullable().default(null),
});
export const LearningTargetPatch = z.strictObject({
  statement: z.string().trim().min(1).max(500).optional(),
  code: z.string().trim().max(40).nullable().optional(),
  /** Moves the target to this place among its standard's targets (0 = first). */
  position: z.number().int().min(0).max(10_000).optional(),
});

export const LearningTarget = z.object({
  id: z.uuid(),
  essentialStandardId: z.uuid().nullable(),
  code: z.string().nullable(),
  statement: z.string(),
  position: z.number().int(),
  /** An assessment measures it, so it cannot be deleted. */
  isAssessed: z.boolean(),
});
export type LearningTarget = z.infer<typeof LearningTarget>;

export const StandardRef = z.object({
  id: z.uuid(),
  humanCodingScheme: z.string().nullable(),
  fullStatement: z.string(),
  frameworkTitle: z.string(),
});
export type StandardRef = z.infer<typeof StandardRef>;

/** What the actor may do with a team's essential standards and their targets. */
export const EssentialsAbilities = z.object({ manage: z.boolean() });

export const EssentialStandard = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  standard: StandardRef,
  course: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  grade: z.string().nullable(),
  unitTitle: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  rationale: z.string(),
  scaleLevels: z.array(ProficiencyLevel),
  proficientLevel: z.number().int(),
  position: z.number().int(),
  targets: z.array(LearningTarget),
  can: EssentialsAbilities,
});
export type EssentialStandard = z.infer<typeof EssentialStandard>;

export const EssentialStandardList = z.object({ items: z.array(EssentialStandard), can: EssentialsAbilities });
export type EssentialStandardList = z.infer<typeof EssentialStandardList>;
