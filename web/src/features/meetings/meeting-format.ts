import type { z } from "zod";
import type { MeetingMode, MeetingStatus } from "../../../../contract/meetings";

export const MODE_LABELS: Record<z.infer<typeof MeetingMode>, string> = {
  in_person: "In person",
  virtual: "Virtual",
  blended: "Blended (in person and online)",
};

export const STATUS_LABELS: Record<z.infer<typeof MeetingStatus>, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  completed: "Finished",
  cancelled: "Cancelled",
};

const dayAndTime = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/** "Mon, Nov 30, 2026, 3:30 – 4:20 PM" in the reader's locale and time zone. */
export function formatMeetingWhen(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return startsAt;
  return dayAndTime.formatRange(start, end);
}

/** "Mon, Nov 30, 2026, 3:30 PM". */
export function formatMeetingStart(startsAt: string): string {
  const start = new Date(startsAt);
  return Number.isNaN(start.getTime()) ? startsAt : dayAndTime.format(start);
}

/** Where the meeting happens, in words: "Room 140", "Online", "Room 140 and online". */
export function describePlace(meeting: { mode: z.infer<typeof MeetingMode>; location: string }): string {
  if (meeting.mode === "virtual") return "Online";
  if (meeting.mode === "blended") return meeting.location ? `${meeting.location} and online` : "In person and online";
  return meeting.location || "Place to be decided";
}

/** "3:30 PM CST" in the meeting's own time zone, when it differs from the reader's. */
export function formatInZone(startsAt: string, timeZone: string | null): string | null {
  if (!timeZone || timeZone === Intl.DateTimeFormat().resolvedOptions().timeZone) return null;
  try {
    return new Intl.DateTimeFormat(undefined, {
      hour: "numeric",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    }).format(new Date(startsAt));
  } catch {
    return null;
  }
}
