import { z } from "zod";

export const VISIT_STATUSES = ["proposed", "scheduled", "completed", "cancelled"] as const;
export const VisitStatus = z.enum(VISIT_STATUSES);

export const VisitFeedback = z.object({
  id: z.uuid(),
  visitor: z.object({ id: z.uuid(), name: z.string() }),
  observations: z.string(),
  whatWorked: z.string(),
  whatToTry: z.string(),
  question: z.string(),
  isSharedWithTeam: z.boolean(),
  createdAt: z.string(),
});

/** What the actor may do to a visit. */
export const VisitAbilities = z.object({ update: z.boolean(), giveFeedback: z.boolean() });

export const Visit = z.object({
  id: z.uuid(),
  focus: z.string(),
  status: VisitStatus,
  startsAt: z.string().nullable(),
  host: z.object({ id: z.uuid(), name: z.string() }),
  visitors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  school: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  community: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Only the feedback this person may read: the host reads all, a visitor their own, the team what was shared. */
  feedback: z.array(VisitFeedback),
  createdAt: z.string(),
  can: VisitAbilities,
});
export type Visit = z.infer<typeof Visit>;
export const VisitList = z.object({ items: z.array(Visit) });

export const VisitInput = z.strictObject({
  focus: z.string().trim().min(1).max(1000),
  visitorIds: z.array(z.uuid()).min(1).max(20),
  startsAt: z.iso.datetime({ offset: true }).nullable().default(null),
  schoolId: z.uuid().nullable().default(null),
  communityId: z.uuid().nullable().default(null),
});
export const VisitPatch = z.strictObject({
  focus: z.string().trim().min(1).max(1000).optional(),
  startsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  status: VisitStatus.optional(),
});
export const FeedbackInput = z.strictObject({
  observations: z.string().trim().min(1).max(5000),
  whatWorked: z.string().trim().max(3000).default(""),
  whatToTry: z.string().trim().max(3000).default(""),
  question: z.string().trim().max(1000).default(""),
});
export const ShareInput = z.strictObject({ isSharedWithTeam: z.boolean() });

/** What school leaders see: how much peer visiting happens, never what was said. */
export const VisitCounts = z.object({
  schools: z.array(
    z.object({
      schoolId: z.uuid(),
      schoolName: z.string(),
      proposed: z.number().int(),
      scheduled: z.number().int(),
      completed: z.number().int(),
      feedbackGiven: z.number().int(),
    }),
  ),
});
