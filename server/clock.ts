import { DateTime } from "luxon";

/*
 * The one place the server reads the wall clock. Everything that decides what is due, overdue, upcoming or
 * "today" asks here, and passes the answer into SQL as a parameter, so a test can fix the time (vitest's fake
 * timers, or `faketime` for a whole process) and PostgreSQL's own clock never disagrees with the server's.
 * ARCHITECTURE.md lists the few places that use the database's `now()` instead, and why.
 */

/** The time zone a district falls back to when it names none. */
export const DEFAULT_TIME_ZONE = "UTC";

/** This moment. */
export function now(): Date {
  return new Date();
}

/** This moment in milliseconds since the epoch (for caches and throttles). */
export function nowMs(): number {
  return Date.now();
}

/** This moment as a luxon DateTime in a time zone. */
export function nowIn(zone: string = DEFAULT_TIME_ZONE): DateTime {
  return DateTime.fromJSDate(now(), { zone });
}

/** Today's date (YYYY-MM-DD) where the district is: a plan is overdue from the district's midnight, not UTC's. */
export function todayIn(zone: string = DEFAULT_TIME_ZONE): string {
  return nowIn(zone).toISODate() as string;
}

/** Whether an IANA zone name is one luxon knows. */
export function isValidTimeZone(zone: string): boolean {
  return DateTime.fromMillis(0, { zone }).isValid;
}
