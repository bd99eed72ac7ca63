import { DateTime } from "luxon";

/*
 * The generated district's dates, written once for one school year (the "template": its "today" is Friday
 * 18 December 2026, the last school day before the winter break) and moved by whole weeks to any other day a
 * caller names, so a large district can be generated for the present as the demo is. It reads no clock.
 */

/** The template's "today" for interventions: the last school day before the winter break. */
export const GENERATED_AS_OF = "2026-12-18";

export type GeneratedCalendar = {
  /** The district's "today": a Friday, on or before the day asked for. */
  asOf: string;
  /** A template date moved by the same whole number of weeks. */
  day: (templateDate: string) => string;
};

/** The calendar of a district generated as of `asOf` (by default the template's own day). */
export function generatedCalendar(asOf: string = GENERATED_AS_OF): GeneratedCalendar {
  const template = DateTime.fromISO(GENERATED_AS_OF, { zone: "utc" });
  const asked = DateTime.fromISO(asOf, { zone: "utc" });
  if (!asked.isValid) throw new Error(`"${asOf}" is not a date (YYYY-MM-DD)`);
  const weeks = Math.floor(asked.diff(template, "days").days / 7);
  const day = (templateDate: string) =>
    DateTime.fromISO(templateDate, { zone: "utc" }).plus({ weeks }).toISODate() as string;
  return { asOf: day(GENERATED_AS_OF), day };
}
