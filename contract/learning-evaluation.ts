import { z } from "zod";
import { InterventionReportQuery } from "./intervention-reports";

/**
 * The evaluation of professional learning for a school (or the district) over a period, by the five levels
 * evaluators use; without dates, this school year so far.
 */
export const LearningEvaluationQuery = InterventionReportQuery;
export type LearningEvaluationQuery = z.infer<typeof LearningEvaluationQuery>;

/** The figures of one team, or of all teams of the scope together (each team counted once). */
export const LearningFigures = z.object({
  /** Staff members of the team (guests not counted). */
  educators: z.number().int(),
  // Level 1, participation: collaborative learning in team meetings.
  meetingsScheduled: z.number().int(),
  meetingsHeld: z.number().int(),
  /** Attendance marked present at meetings held, of all attendance marked at them. */
  attendancePresent: z.number().int(),
  attendanceMarked: z.number().int(),
  /** Minutes of meetings held times the members present. */
  collaborativeMinutes: z.number().int(),
  /** collaborativeMinutes per educator per week of the period (one decimal), null without educators. */
  minutesPerEducatorPerWeek: z.number().nullable(),
  /** Reactions: feedback asked on meetings held in the period, and how many answered (anonymous). */
  feedbackRounds: z.number().int(),
  feedbackRespondents: z.number().int(),
  // Level 2, learning: the cycles' learning logs.
  learningEntries: z.number().int(),
  learningMinutes: z.number().int(),
  learners: z.number().int(),
  // Level 3, organisational support: classroom visits held and coaching logged.
  visitsCompleted: z.number().int(),
  coachingEntries: z.number().int(),
  // Level 4, implementation: strategies applied in classrooms.
  implementations: z.number().int(),
  implementationsWentWell: z.number().int(),
  strategiesApplied: z.number().int(),
  // Level 5, student outcomes: cycles completed and goals due in the period, met or not.
  cyclesCompleted: z.number().int(),
  /** In the cycles completed: students' targets with a level before and after, and those that moved up a level. */
  studentTargetsMatched: z.number().int(),
  studentTargetsUp: z.number().int(),
  goalsDue: z.number().int(),
  goalsMet: z.number().int(),
});
export type LearningFigures = z.infer<typeof LearningFigures>;

export const TeamEvaluation = LearningFigures.extend({
  community: z.object({ id: z.uuid(), name: z.string() }),
});
export type TeamEvaluation = z.infer<typeof TeamEvaluation>;

export const LearningEvaluation = z.object({
  scope: z.object({
    kind: z.enum(["school", "district"]),
    id: z.uuid(),
    label: z.string(),
    from: z.iso.date(),
    to: z.iso.date(),
    today: z.iso.date(),
    /** Weeks in the period (one decimal), for the per-week figures. */
    weeks: z.number(),
  }),
  totals: LearningFigures,
  teams: z.array(TeamEvaluation),
  /**
   * Reactions over all the scope's meeting feedback in the period: each statement's answers by level, or nothing
   * while fewer than `threshold` have answered (never by team, so no team's answers can be worked out).
   */
  reactions: z.object({
    respondents: z.number().int(),
    threshold: z.number().int(),
    suppressed: z.boolean(),
    items: z.array(
      z.object({
        key: z.string(),
        prompt: z.string(),
        answers: z.number().int(),
        /** Answers "agree" or "strongly agree". */
        agree: z.number().int(),
        mean: z.number().nullable(),
      }),
    ),
  }),
});
export type LearningEvaluation = z.infer<typeof LearningEvaluation>;
