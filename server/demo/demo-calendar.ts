import { DateTime } from "luxon";

/*
 * The demo district lives in the present. Its term was written once, as dates around one autumn (the
 * "template": three checks, a review meeting, weekly progress scores up to Friday 20 November 2026), and is
 * moved by whole weeks so that its last progress scores fall on the last Friday before the day it is seeded.
 * Whole weeks keep every weekday (groups meet Monday to Thursday, scores are taken on Fridays), and the
 * same number of random draws is made on any day, so the demo has the same story whenever it starts.
 */

export const DEMO_TIME_ZONE = "America/Chicago";

/** The template's last day of progress data: a Friday. */
const TEMPLATE_LAST_SCORES = "2026-11-20";
const TEMPLATE_YEAR = { start: "2026-08-24", end: "2027-06-11" };
const WEEK_MS = 7 * 86_400_000;

export type DemoCalendar = {
  /** The moment the demo is seeded, in the district's time zone. */
  now: DateTime;
  /** Today in the district's time zone (YYYY-MM-DD). */
  today: string;
  /** A template date moved into the present. */
  day: (templateDate: string) => string;
  /** A template instant moved into the present. */
  instant: (templateInstant: string) => Date;
  /** The school year the demo's term belongs to, as a OneRoster academic session. */
  schoolYear: { sourcedId: string; title: string; startDate: string; endDate: string; schoolYear: string };
};

/** The demo's calendar for a district seeded at `at`. */
export function demoCalendar(at: Date): DemoCalendar {
  const now = DateTime.fromJSDate(at, { zone: DEMO_TIME_ZONE });
  const today = now.toISODate() as string;
  const todayUtc = DateTime.fromISO(today, { zone: "utc" });
  // The last Friday strictly before today: the week's scores are in, today's are not yet.
  const lastFriday = todayUtc.minus({ days: (todayUtc.weekday + 2) % 7 || 7 });
  const weeks = Math.round(lastFriday.diff(DateTime.fromISO(TEMPLATE_LAST_SCORES, { zone: "utc" }), "weeks").weeks);
  const day = (templateDate: string) =>
    DateTime.fromISO(templateDate, { zone: "utc" }).plus({ weeks }).toISODate() as string;
  const start = day(TEMPLATE_YEAR.start);
  const end = day(TEMPLATE_YEAR.end);
  const startYear = Number(start.slice(0, 4));
  return {
    now,
    today,
    day,
    instant: (templateInstant) => new Date(Date.parse(templateInstant) + weeks * WEEK_MS),
    schoolYear: {
      sourcedId: `demo-sy-${startYear}`,
      title: `${startYear}–${startYear + 1}`,
      startDate: start,
      endDate: end,
      schoolYear: String(startYear + 1),
    },
  };
}
