import { DateTime } from "luxon";
import type { Weekday } from "rrule";
import * as rruleModule from "rrule";

// rrule ships CommonJS to Node and an ES module to bundlers (and so to the tests): take RRule from either.
const { RRule } = ((rruleModule as { default?: typeof rruleModule }).default ?? rruleModule) as typeof rruleModule;
type RRule = InstanceType<typeof RRule>;

import type { Recurrence } from "../../../contract/meetings";
import { isValidTimeZone } from "../../clock";

const MAX_OCCURRENCES = 60;
const DEFAULT_OCCURRENCES = 10;
const WEEKDAYS: Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

export type Occurrence = { startsAt: Date; endsAt: Date };

/** Whether `zone` is an IANA time zone this server knows. */
export function isValidTimezone(zone: string): boolean {
  return isValidTimeZone(zone);
}

/** Turns a local wall-clock time in a zone into the instant it names. */
export function localToInstant(local: string, zone: string): Date {
  const value = DateTime.fromISO(local, { zone });
  if (!value.isValid) throw new Error(`invalid local time ${local} in ${zone}`);
  return value.toJSDate();
}

/**
 * The RFC 5545 rule for a recurrence starting at a local time. Weekly repeats on the start's weekday;
 * monthly repeats on the same weekday of the same week (the 1st–4th, or the last when it starts in the 5th).
 */
export function buildRule(recurrence: Recurrence, localStart: DateTime): RRule {
  const weekday = WEEKDAYS[localStart.weekday - 1] as Weekday;
  const nth = Math.ceil(localStart.day / 7);
  // rrule works in "floating" time: the local wall clock expressed as if it were UTC.
  const floating = new Date(
    Date.UTC(localStart.year, localStart.month - 1, localStart.day, localStart.hour, localStart.minute),
  );
  const until = recurrence.until ? new Date(`${recurrence.until}T23:59:59Z`) : undefined;
  return new RRule({
    freq: recurrence.frequency === "weekly" ? RRule.WEEKLY : RRule.MONTHLY,
    interval: recurrence.interval,
    byweekday: recurrence.frequency === "weekly" ? [weekday] : [weekday.nth(nth === 5 ? -1 : nth)],
    dtstart: floating,
    ...(until ? { until } : { count: Math.min(recurrence.count ?? DEFAULT_OCCURRENCES, MAX_OCCURRENCES) }),
  });
}

/** The RRULE line (without DTSTART, which the meetings themselves carry). */
export function ruleText(rule: RRule): string {
  return (
    rule
      .toString()
      .split("\n")
      .find((line) => line.startsWith("RRULE:")) ?? ""
  );
}

/** Every occurrence of a recurring meeting, as instants, honouring the zone's daylight-saving changes. */
export function expandOccurrences(
  recurrence: Recurrence,
  localStart: string,
  zone: string,
  durationMinutes: number,
): { rule: string; occurrences: Occurrence[] } {
  const start = DateTime.fromISO(localStart, { zone });
  const rule = buildRule(recurrence, start);
  const occurrences = rule
    .all((_date, i) => i < MAX_OCCURRENCES)
    .map((floating) => {
      const local = DateTime.fromObject(
        {
          year: floating.getUTCFullYear(),
          month: floating.getUTCMonth() + 1,
          day: floating.getUTCDate(),
          hour: floating.getUTCHours(),
          minute: floating.getUTCMinutes(),
        },
        { zone },
      );
      return { startsAt: local.toJSDate(), endsAt: local.plus({ minutes: durationMinutes }).toJSDate() };
    });
  return { rule: ruleText(rule), occurrences };
}
