import { z } from "zod";

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const FAMILY_LANGUAGES = ["en", "es"] as const;
export const FamilyLanguage = z.enum(FAMILY_LANGUAGES);
export type FamilyLanguage = z.infer<typeof FamilyLanguage>;

/** A note from a family member to their child's team. */
export const FamilyNoteInput = z.strictObject({
  body: z.string().trim().min(1).max(2000),
  planId: z.uuid().optional(),
});
export type FamilyNoteInput = z.infer<typeof FamilyNoteInput>;

/** The team's answer to a family's note, in the language it was written in (the family's, as a rule). */
export const FamilyReplyInput = z.strictObject({
  body: z.string().trim().min(1).max(2000),
  language: FamilyLanguage,
});

export const FamilyNoteReply = z.object({
  id: z.uuid(),
  body: z.string(),
  language: z.string(),
  author: Ref.nullable(),
  createdAt: z.string(),
});

export const FamilyNote = z.object({
  id: z.uuid(),
  studentId: z.uuid(),
  planId: z.uuid().nullable(),
  body: z.string(),
  language: z.string(),
  author: Ref.nullable(),
  /** The language the family reads (their preferred one), for answering in it. */
  familyLanguage: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: Ref.nullable(),
  replies: z.array(FamilyNoteReply),
});
export type FamilyNote = z.infer<typeof FamilyNote>;

export const FamilyNoteList = z.object({ items: z.array(FamilyNote) });

/** The family notes across the students a staff member may see, those not yet read first, with the student. */
export const FamilyInbox = z.object({
  items: z.array(FamilyNote.extend({ student: Ref })),
  unread: z.number().int(),
});
export type FamilyInbox = z.infer<typeof FamilyInbox>;
export type FamilyNoteList = z.infer<typeof FamilyNoteList>;

/**
 * How a plan is going, for a family: closed plans say how they ended; active ones compare the trend of the
 * scores with the goal ("too_early" until there are enough scores, "reviewing" when the team's rule says adjust).
 */
export const SUPPORT_PROGRESS = [
  "too_early",
  "on_track",
  "not_yet_on_track",
  "reviewing",
  "met",
  "not_met",
  "ended",
] as const;
export const SupportProgress = z.enum(SUPPORT_PROGRESS);
export type SupportProgress = z.infer<typeof SupportProgress>;

/** One plan as a family sees it: never the group, its name or anyone else in it. */
export const ChildSupportPlan = z.object({
  id: z.uuid(),
  kind: z.enum(["intervention", "extension"]),
  isActive: z.boolean(),
  focus: z.string(),
  targets: z.array(z.string()),
  strategy: z.string(),
  minutesPerSession: z.number().int().nullable(),
  daysPerWeek: z.number().int().nullable(),
  schedule: z.string(),
  deliveredBy: z.string().nullable(),
  startDate: z.iso.date(),
  goalDate: z.iso.date(),
  measure: z.string(),
  baseline: z.number(),
  goal: z.number(),
  latestScore: z.object({ measuredOn: z.iso.date(), score: z.number() }).nullable(),
  progress: SupportProgress,
});
export type ChildSupportPlan = z.infer<typeof ChildSupportPlan>;

/** A note the family sent, as they see it, with the team's answers. */
export const SentNote = z.object({
  id: z.uuid(),
  body: z.string(),
  createdAt: z.string(),
  isAcknowledged: z.boolean(),
  replies: z.array(
    z.object({ id: z.uuid(), body: z.string(), language: z.string(), authorName: z.string(), createdAt: z.string() }),
  ),
});

export const ChildSupport = z.object({
  studentId: z.uuid(),
  plans: z.array(ChildSupportPlan),
  notes: z.array(SentNote),
});
export type ChildSupport = z.infer<typeof ChildSupport>;
