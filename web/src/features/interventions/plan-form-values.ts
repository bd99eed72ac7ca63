/** A number field's text as the API wants it: empty is null. */
export const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

/** An ISO day `days` after `day`, counted at noon UTC so no time zone moves it. */
export function daysFrom(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A new plan's or group's first dates: starting today, reviewed in four weeks, the goal in eight. */
export function firstDates(today: string) {
  return { startDate: today, reviewDate: daysFrom(today, 28), goalDate: daysFrom(today, 56) };
}
