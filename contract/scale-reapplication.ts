import { z } from "zod";

/** A target's figures under one scale: its proficient level, results, proficient results and their share. */
export const ScaleFigures = z.object({
  proficientLevel: z.number().int(),
  levelCount: z.number().int(),
  assessed: z.number().int(),
  proficient: z.number().int(),
  proficientPercent: z.number().nullable(),
});
export type ScaleFigures = z.infer<typeof ScaleFigures>;

/** A student whose level on a target changes under the current scale. */
const LevelChange = z.object({
  studentId: z.uuid(),
  name: z.string(),
  before: z.number().int(),
  after: z.number().int(),
});

export const TargetRescale = z.object({
  targetId: z.uuid(),
  code: z.string().nullable(),
  statement: z.string(),
  before: ScaleFigures,
  after: ScaleFigures,
  /** The changes for students the reader may see, in name order. */
  changes: z.array(LevelChange),
  /** Changes for students the reader may not see: counted, never named. */
  otherChanges: z.number().int(),
});
export type TargetRescale = z.infer<typeof TargetRescale>;

/**
 * Re-applying the current scale to a closed assessment: the figures before and after, per target. A preview
 * (applied false) changes nothing; the confirmation (applied true) re-levels the results as shown.
 */
export const ScaleReapplication = z.object({ applied: z.boolean(), targets: z.array(TargetRescale) });
export type ScaleReapplication = z.infer<typeof ScaleReapplication>;
