/** The demo district's time zone: its days decide what is due, overdue and upcoming. */
export const DISTRICT_TIME_ZONE = "America/Chicago";

/** "YYYY-MM-DD" some days from today in a time zone (by default this process's, which the browser shares). */
export function dayFromToday(days: number, timeZone?: string): string {
  const day = new Date(Date.now() + days * 86_400_000);
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
}
