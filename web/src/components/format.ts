import { now } from "../clock";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** "Mar 4, 2025, 9:12 AM" in the reader's locale and time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** "Mar 4, 2025". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

/** "Mar 4, 2025" for a calendar date ("2025-03-04"), read as that day wherever the reader is. */
export function formatDay(isoDate: string | null | undefined): string {
  if (!isoDate) return "—";
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return dateOnly.format(new Date(year, month - 1, day));
}

let districtTimeZone: string | undefined;

/** The district's time zone, once the signed-in person is known: its days are the app's days. */
export function setDistrictTimeZone(zone: string): void {
  districtTimeZone = zone;
}

/**
 * Today as "YYYY-MM-DD" in the district's time zone (the reader's own before sign-in), for date inputs: at 22:40
 * in Chicago it is still that day, wherever the browser thinks it is, as it is for the server's rules.
 */
export function todayIso(): string {
  return districtDayOf(now().toISOString());
}

/** The district's day ("YYYY-MM-DD") of a moment: a note written at 8:31 PM in Chicago is of that day, not UTC's next. */
export function districtDayOf(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: districtTimeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** "12 KB" or "3.4 MB", rounded so a tiny file still reads as 1 KB. */
export function formatFileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}
