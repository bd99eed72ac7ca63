import { z } from "zod";

/** A school's (or the district's) intervention report over a period; without dates, this school year so far. */
export const InterventionReportQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type InterventionReportQuery = z.infer<typeof InterventionReportQuery>;

/** A part of a whole: share is the percentage (one decimal), null when there is nothing to divide by. */
export const Share = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  share: z.number().nullable(),
});
export type Share = z.infer<typeof Share>;

/** Distinct students with an active intervention plan on one day, each at their highest tier that day. */
export const TierCount = z.object({
  month: z.string(),
  asOf: z.iso.date(),
  tier1: z.number().int(),
  tier2: z.number().int(),
  tier3: z.number().int(),
});
export type TierCount = z.infer<typeof TierCount>;

export const ReportTeam = z.object({ id: z.uuid(), name: z.string() });

export const OverduePlan = z.object({
  planId: z.uuid(),
  studentId: z.uuid(),
  studentName: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  kind: z.enum(["intervention", "extension"]),
  tier: z.number().int(),
  reviewDate: z.iso.date(),
  daysOverdue: z.number().int(),
});
export type OverduePlan = z.infer<typeof OverduePlan>;

export const InterventionReport = z.object({
  scope: z.object({
    schoolId: z.uuid().nullable(),
    /** The school's name, or what the report covers without one ("Whole district", "Your schools"). */
    label: z.string(),
    from: z.iso.date(),
    to: z.iso.date(),
    today: z.iso.date(),
  }),
  /** The schools this reader may pick. */
  schools: z.array(ReportTeam),
  /** Every team that appears in any section, by name. */
  teams: z.array(ReportTeam),
  tiers: z.object({
    total: z.array(TierCount),
    byTeam: z.array(z.object({ communityId: z.uuid(), months: z.array(TierCount) })),
  }),
  overdue: z.object({
    total: z.number().int(),
    byTeam: z.array(z.object({ communityId: z.uuid(), count: z.number().int() })),
    plans: z.array(OverduePlan),
  }),
  /** Counted once per (student, assessment): a student below on two assessments counts twice. */
  responsiveness: z.object({
    total: Share,
    byTeam: z.array(Share.extend({ communityId: z.uuid().nullable(), responseDays: z.number().int() })),
  }),
  outcomes: z.object({
    total: Share,
    byKind: z.array(Share.extend({ kind: z.enum(["intervention", "extension"]) })),
    byTeam: z.array(Share.extend({ communityId: z.uuid(), kind: z.enum(["intervention", "extension"]) })),
  }),
});
export type InterventionReport = z.infer<typeof InterventionReport>;
