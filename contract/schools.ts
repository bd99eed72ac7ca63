import { z } from "zod";
import { PageQuery, pageOf } from "./common";

export const SCHOOL_LEVELS = ["elementary", "middle", "high", "k12", "other"] as const;
export const SchoolLevel = z.enum(SCHOOL_LEVELS);

/** What the actor may do to a school. */
export const SchoolAbilities = z.object({ update: z.boolean() });

export const School = z.object({
  id: z.uuid(),
  name: z.string(),
  level: SchoolLevel,
  archived: z.boolean(),
  staffCount: z.number().int(),
  can: SchoolAbilities,
});
export type School = z.infer<typeof School>;

export const SchoolPage = pageOf(School);

export const SchoolsQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  includeArchived: z.enum(["true", "false"]).default("false"),
});

export const SchoolInput = z.strictObject({
  name: z.string().trim().min(1).max(160),
  level: SchoolLevel,
});
export const SchoolPatch = z.strictObject({
  name: z.string().trim().min(1).max(160).optional(),
  level: SchoolLevel.optional(),
  archived: z.boolean().optional(),
});
