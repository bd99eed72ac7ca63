import type { Faker } from "@faker-js/faker";
import { type AimLine, aimValueOn, meetsGoal } from "../features/interventions/progress-rules";

/** How a demo student responds to their plan, which decides where their scores sit against the aim line. */
export type Course = "on_track" | "behind" | "ahead" | "met" | "not_met" | "intensified";

/*
 * Each point's distance from the aim line, in the measure's units of noise, oldest first. On-track scores
 * change sides every week, so the decision rule never fires on them; "behind" and "ahead" stay on one side,
 * so it does; the intensified plan falls behind at tier 2 (four points for the rule) and recovers at tier 3.
 */
const OFFSETS: Record<Course, number[]> = {
  on_track: [1, -1, 1.5, -1, 1, -1.5, 1, -1],
  behind: [-1, -1.5, -2, -2.5, -3, -3.5, -4, -4.5],
  ahead: [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5],
  met: [1, 2, 3, 3.5, 4, 4.5, 5, 5.5],
  not_met: [-1, -1.5, -2.5, -3, -3.5, -4, -4.5, -5],
  intensified: [-1, -2, -2.5, -3, -2, -1, 1, 1.5],
};

export type Measure = { name: string; unit: number; max: number };

const DAY_MS = 86_400_000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 for Monday … 7 for Sunday, as ISO weekdays count. */
export function isoWeekday(iso: string): number {
  return ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The dates from `from` to `to` (inclusive) that fall on one of the weekdays. */
export function datesOn(from: string, to: string, weekdays: readonly number[]): string[] {
  const dates: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (weekdays.includes(isoWeekday(day))) dates.push(day);
  return dates;
}

/** Weekly scores on Fridays from the plan's start to `until`, shaped by the student's course. */
export function weeklyScores(
  faker: Faker,
  aim: AimLine,
  course: Course,
  measure: Measure,
  until: string,
): { measuredOn: string; score: number }[] {
  const jitter = 0.8 + faker.number.float() * 0.4;
  const fridays = datesOn(aim.startDate, until, [5]);
  const offsets = OFFSETS[course];
  const points = fridays.map((measuredOn, k) => {
    const raw = aimValueOn(aim, measuredOn) + (offsets[k] ?? offsets.at(-1) ?? 0) * measure.unit * jitter;
    return { measuredOn, score: Math.max(0, Math.min(measure.max, Math.round(raw))) };
  });
  // A plan closed as met ends on a score that reaches the goal.
  const last = points.at(-1);
  if (course === "met" && last && !meetsGoal(aim, last.score)) last.score = aim.goal;
  return points;
}

export type SessionRow = { sessionOn: string; attendance: "present" | "absent" | "not_held"; minutes: number | null };

/** Attendance on the plan's session days: mostly present, some absences, and the days no session was held. */
export function sessionRows(
  faker: Faker,
  days: string[],
  minutes: number,
  notHeld: ReadonlySet<string>,
  absentRate: number,
): SessionRow[] {
  return days.map((sessionOn) => {
    if (notHeld.has(sessionOn)) return { sessionOn, attendance: "not_held", minutes: null };
    if (faker.number.float() < absentRate) return { sessionOn, attendance: "absent", minutes: null };
    return { sessionOn, attendance: "present", minutes };
  });
}
