import { z } from "zod";
import { CycleStage } from "./cycles";
import { GoalStatus } from "./goals";
import { MeetingSummary } from "./meetings";

/*
 * The homes by role. Every count is of students (distinct), over the students the reader may see, and each
 * figure carries what it counts so the page can link to the records.
 */

const Ref = z.object({ id: z.string(), name: z.string() });

export const HomeMeeting = MeetingSummary.extend({
  communityName: z.string(),
  /** From a quarter of an hour before it starts until it ends, while it is not completed or cancelled. */
  canStart: z.boolean(),
});
export type HomeMeeting = z.infer<typeof HomeMeeting>;

export const HomeActionItem = z.object({
  id: z.string(),
  title: z.string(),
  dueOn: z.string().nullable(),
  isOverdue: z.boolean(),
  community: Ref,
  meetingId: z.string().nullable(),
});

/** An open assessment given to classes the reader teaches, and how many of their students have no sitting yet. */
export const ResultsToEnter = z.object({
  assessment: z.object({ id: z.string(), title: z.string(), givenOn: z.string().nullable() }),
  community: Ref,
  studentsMissing: z.number().int(),
});

/** A student of the reader's classes below proficient on a team's assessment with no response yet. */
export const WaitingStudent = z.object({
  student: Ref,
  assessment: z.object({ id: z.string(), title: z.string() }),
  community: Ref,
  givenOn: z.string(),
});

/** A plan of a student in the reader's classes (or delivered by them) flagged by its decision rule. */
export const FlaggedPlan = z.object({
  planId: z.string(),
  student: Ref,
  community: Ref,
  flag: z.enum(["adjust", "consider_exit"]),
});

/** A plan the reader delivers whose next progress score is due (none in the last 7 days). */
export const ScoreDuePlan = z.object({
  planId: z.string(),
  student: Ref,
  focus: z.string(),
  lastScoredOn: z.string().nullable(),
});

export const UnreadFamilyNote = z.object({
  id: z.string(),
  student: Ref,
  planId: z.string().nullable(),
  createdAt: z.string(),
});

export const HomeCycle = z.object({
  id: z.string(),
  title: z.string(),
  community: Ref,
  stage: CycleStage,
  stageDueOn: z.string().nullable(),
  isStalled: z.boolean(),
});

export type HomeCycle = z.infer<typeof HomeCycle>;

export const HomeGoal = z.object({
  id: z.string(),
  title: z.string(),
  level: z.string(),
  status: GoalStatus,
  dueOn: z.string(),
});

export const ALERT_KINDS = ["not_met", "stalled_cycle", "goal_at_risk", "reviews_overdue"] as const;
export const TeamAlert = z.object({ kind: z.enum(ALERT_KINDS), text: z.string() });
export type TeamAlert = z.infer<typeof TeamAlert>;

/** A share of students: `students` of `of` (null share when there are none to count). */
export const StudentShare = z.object({
  students: z.number().int(),
  of: z.number().int(),
  share: z.number().nullable(),
});

/** One team at a glance: the same signals on the school leader's, district leader's and coach's homes. */
export const TeamSignals = z.object({
  community: Ref,
  schoolIds: z.array(z.string()),
  lastMeeting: z
    .object({ id: z.string(), startsAt: z.string(), present: z.number().int(), members: z.number().int() })
    .nullable(),
  cycle: HomeCycle.nullable(),
  /** The team's goals still running (not past their due date), and those at risk or off track. */
  goals: z.object({ total: z.number().int(), atRisk: z.number().int() }),
  /** Below-proficient students this school year with a response within the team's school days. */
  responsiveness: StudentShare.nullable(),
  /** Students with an active plan past its review date. */
  overdueReviews: z.number().int(),
  /** Average rating of the last two closed norm check-ins (1–4), newest first. */
  normTrend: z.array(z.number()),
  alerts: z.array(TeamAlert),
});
export type TeamSignals = z.infer<typeof TeamSignals>;

/** A teacher the reader supports (a working member of a team they facilitate), with the same signals. */
export const SupportedTeacher = z.object({
  person: Ref,
  /** A team they share with the reader: where their action items are. */
  community: Ref,
  overdueActionItems: z.number().int(),
  studentsWithoutResults: z.number().int(),
  studentsOverdueReview: z.number().int(),
});

export const EducatorHome = z.object({
  today: z.string(),
  meetings: z.array(HomeMeeting),
  actionItems: z.array(HomeActionItem),
  resultsToEnter: z.array(ResultsToEnter),
  waitingStudents: z.array(WaitingStudent),
  flaggedPlans: z.array(FlaggedPlan),
  scoresDue: z.array(ScoreDuePlan),
  familyNotes: z.array(UnreadFamilyNote),
  cycles: z.array(HomeCycle),
  goals: z.array(HomeGoal),
  /** The teams the reader belongs to, with the same signals a leader sees (a coach's supported teams). */
  teams: z.array(TeamSignals),
  /** The teachers of the teams the reader facilitates (a coach's supported teachers). */
  teachers: z.array(SupportedTeacher),
});
export type EducatorHome = z.infer<typeof EducatorHome>;

export const SchoolHomeQuery = z.strictObject({ schoolId: z.uuid() });

export const SchoolHome = z.object({
  today: z.string(),
  school: Ref,
  teams: z.array(TeamSignals),
});
export type SchoolHome = z.infer<typeof SchoolHome>;

/** A school's teams summed: students counted once per school, alerts counted by team. */
export const SchoolSummary = z.object({
  school: Ref,
  teams: z.number().int(),
  teamsWithAlerts: z.number().int(),
  stalledCycles: z.number().int(),
  goalsAtRisk: z.number().int(),
  overdueReviews: z.number().int(),
  responsiveness: StudentShare.nullable(),
});

export const DistrictHome = z.object({
  today: z.string(),
  schools: z.array(SchoolSummary),
});
export type DistrictHome = z.infer<typeof DistrictHome>;
