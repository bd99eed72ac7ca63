import { DateTime } from "luxon";
import { SUPPRESSION_THRESHOLD } from "../../../contract/analysis";
import type { LearningEvaluation, LearningFigures } from "../../../contract/learning-evaluation";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { queryCycleGainTotals } from "../cycles/cycle-results.queries";
import { computeProgress } from "../goals/goal-progress";
import { listGoals } from "../goals/goals.queries";
import type { Period } from "../intervention-reports/report.queries";
import { meetingFeedback } from "../surveys/instruments/feedback";
import { isSuppressed, meanLevel } from "../surveys/round-results";
import {
  countDistinctPeople,
  type FeedbackRow,
  listTeamFigures,
  queryMeetingFeedback,
  type TeamFiguresRow,
} from "./learning-evaluation.queries";

type Scope = { kind: "school"; id: string; label: string } | { kind: "district"; id: string; label: string };
type Counts = Omit<LearningFigures, "minutesPerEducatorPerWeek">;

/** Weeks from the period's first day to its last, both counted (one decimal). */
function weeksOf(period: Period): number {
  const days = DateTime.fromISO(period.to).diff(DateTime.fromISO(period.from), "days").days + 1;
  return Math.round((days / 7) * 10) / 10;
}

function perWeek(counts: Counts, weeks: number): LearningFigures {
  const minutesPerEducatorPerWeek =
    counts.educators > 0 && weeks > 0
      ? Math.round((counts.collaborativeMinutes / counts.educators / weeks) * 10) / 10
      : null;
  return { ...counts, minutesPerEducatorPerWeek };
}

type Outcomes = { due: number; met: number; matched: number; up: number };

function countsOf(row: TeamFiguresRow, outcomes: Outcomes, feedback: { rounds: number; respondents: number }): Counts {
  return {
    feedbackRounds: feedback.rounds,
    feedbackRespondents: feedback.respondents,
    educators: row.educators,
    meetingsScheduled: row.meetings_scheduled,
    meetingsHeld: row.meetings_held,
    attendancePresent: row.attendance_present,
    attendanceMarked: row.attendance_marked,
    collaborativeMinutes: row.collaborative_minutes,
    learningEntries: row.learning_entries,
    learningMinutes: row.learning_minutes,
    learners: row.learners,
    visitsCompleted: row.visits_completed,
    coachingEntries: row.coaching_entries,
    implementations: row.implementations,
    implementationsWentWell: row.implementations_went_well,
    strategiesApplied: row.strategies_applied,
    cyclesCompleted: row.cycles_completed,
    studentTargetsMatched: outcomes.matched,
    studentTargetsUp: outcomes.up,
    goalsDue: outcomes.due,
    goalsMet: outcomes.met,
  };
}

const NONE: Counts = {
  feedbackRounds: 0,
  feedbackRespondents: 0,
  educators: 0,
  meetingsScheduled: 0,
  meetingsHeld: 0,
  attendancePresent: 0,
  attendanceMarked: 0,
  collaborativeMinutes: 0,
  learningEntries: 0,
  learningMinutes: 0,
  learners: 0,
  visitsCompleted: 0,
  coachingEntries: 0,
  implementations: 0,
  implementationsWentWell: 0,
  strategiesApplied: 0,
  cyclesCompleted: 0,
  studentTargetsMatched: 0,
  studentTargetsUp: 0,
  goalsDue: 0,
  goalsMet: 0,
};

/** Each field summed over the teams (the caller replaces the fields that count distinct people). */
function sum(rows: readonly Counts[]): Counts {
  const total = { ...NONE };
  for (const row of rows) for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += row[key];
  return total;
}

/**
 * The evaluation of professional learning for a scope and period: each team's figures at the five levels, and the
 * scope's totals, where a person on two teams is one educator. Goals are the teams' goals due in the period, their
 * status measured over the reader's students (computeProgress), as the goal pages show them.
 */
export async function buildLearningEvaluation(
  db: Db,
  actor: Actor,
  scope: Scope,
  period: Period,
  now: Date,
): Promise<LearningEvaluation> {
  const evaluationPeriod = { from: period.from, to: period.to, timeZone: actor.timeZone };
  const rows = await listTeamFigures(
    db,
    actor.districtId,
    scope.kind === "school" ? [scope.id] : null,
    evaluationPeriod,
  );
  const teamIds = rows.map((row) => row.id);
  const [people, goals, gains, feedback] = await Promise.all([
    countDistinctPeople(db, teamIds, evaluationPeriod),
    listGoals(db, { reader: actor, communityIds: teamIds }),
    queryCycleGainTotals(
      db,
      actor,
      rows.flatMap((row) => row.completed_cycle_ids),
    ),
    queryMeetingFeedback(db, actor.districtId, teamIds, evaluationPeriod),
  ]);
  const feedbackByTeam = new Map(feedback.rounds.map((row) => [row.community_id, row]));
  const gainsByCycle = new Map(gains.map((gain) => [gain.cycleId, gain]));
  const due = goals.filter((goal) => goal.dueOn >= period.from && goal.dueOn <= period.to);
  const progress = await computeProgress(db, actor, due, period.today, now);
  const outcomes = new Map<string, Outcomes>(
    rows.map((row) => {
      const cycleGains = row.completed_cycle_ids.map((id) => gainsByCycle.get(id) ?? { matched: 0, up: 0 });
      const matched = cycleGains.reduce((total, gain) => total + gain.matched, 0);
      const up = cycleGains.reduce((total, gain) => total + gain.up, 0);
      return [row.id, { due: 0, met: 0, matched, up }];
    }),
  );
  for (const goal of due) {
    const counts = goal.community ? outcomes.get(goal.community.id) : undefined;
    if (!counts) continue;
    counts.due++;
    if (progress.get(goal.id)?.status === "met") counts.met++;
  }
  const weeks = weeksOf(period);
  const teamCounts = rows.map((row) =>
    countsOf(
      row,
      outcomes.get(row.id) ?? { due: 0, met: 0, matched: 0, up: 0 },
      feedbackByTeam.get(row.id) ?? { rounds: 0, respondents: 0 },
    ),
  );
  const totals = sum(teamCounts);
  return {
    scope: { ...scope, from: period.from, to: period.to, today: period.today, weeks },
    totals: perWeek({ ...totals, educators: people.educators, learners: people.learners }, weeks),
    teams: rows.map((row, i) => ({
      community: { id: row.id, name: row.name },
      ...perWeek(teamCounts[i] as Counts, weeks),
    })),
    reactions: reactionsOf(totals.feedbackRespondents, feedback.answers),
  };
}

/** The scope's reactions to its meetings, each statement's answers summed over every feedback round, or suppressed. */
function reactionsOf(respondents: number, answers: FeedbackRow[]): LearningEvaluation["reactions"] {
  const suppressed = isSuppressed(respondents);
  return {
    respondents,
    threshold: SUPPRESSION_THRESHOLD,
    suppressed,
    items: suppressed
      ? []
      : meetingFeedback.items.map((item) => {
          const byLevel = new Map(answers.filter((a) => a.item_key === item.key).map((a) => [a.level, a.answers]));
          const total = [...byLevel.values()].reduce((a, b) => a + b, 0);
          const agree = [...byLevel].filter(([level]) => level >= 3).reduce((a, [, n]) => a + n, 0);
          return { key: item.key, prompt: item.prompt, answers: total, agree, mean: meanLevel(byLevel) };
        }),
  };
}
