import { z } from "zod";
import type { MeetingMode } from "../../../../contract/meetings";
import type { FieldErrors } from "../../components/form-errors";

export const RepeatChoice = z.enum(["none", "weekly", "every_n_weeks", "monthly"]);
export type Repeat = z.infer<typeof RepeatChoice>;
export type AgendaRow = { key: number; title: string; minutes: string };

export type ScheduleValues = {
  title: string;
  date: string;
  time: string;
  timezone: string;
  durationMinutes: string;
  mode: z.infer<typeof MeetingMode>;
  location: string;
  link: string;
  protocolKey: string;
  agenda: AgendaRow[];
  repeat: Repeat;
  interval: string;
  ends: "count" | "until";
  count: string;
  until: string;
};

/** The reader's own time zone, which is where most teams meet. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function emptySchedule(): ScheduleValues {
  return {
    title: "",
    date: "",
    time: "",
    timezone: browserTimeZone(),
    durationMinutes: "60",
    mode: "in_person",
    location: "",
    link: "",
    protocolKey: "",
    agenda: [],
    repeat: "none",
    interval: "2",
    ends: "count",
    count: "4",
    until: "",
  };
}

/** Friendlier words for the contract's validation messages, by field path. */
export const SCHEDULE_MESSAGES: Record<string, string> = {
  title: "Give the meeting a title.",
  startsAt: "Choose the date and start time.",
  durationMinutes: "Enter a length from 5 to 600 minutes.",
  link: "Enter a web address that starts with https://.",
  "recurrence/interval": "Choose every 2 to 12 weeks.",
  "recurrence/count": "Choose from 2 to 60 meetings.",
  "recurrence/until": "Choose the date of the last meeting.",
};

const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** The form's values as the API's MeetingInput: date and time become one local "YYYY-MM-DDTHH:mm". */
export function toMeetingInput(values: ScheduleValues) {
  const recurrence =
    values.repeat === "none"
      ? null
      : {
          frequency: values.repeat === "monthly" ? "monthly_by_weekday" : "weekly",
          interval: values.repeat === "every_n_weeks" ? toNumber(values.interval) : 1,
          ...(values.ends === "count" ? { count: toNumber(values.count) } : { until: values.until }),
        };
  return {
    title: values.title,
    startsAt: `${values.date}T${values.time}`,
    timezone: values.timezone,
    durationMinutes: toNumber(values.durationMinutes),
    mode: values.mode,
    location: values.location,
    link: values.link.trim() || null,
    protocolKey: values.protocolKey || null,
    // Rows left entirely blank are not meant as agenda items.
    agenda: values.agenda
      .filter((row) => row.title.trim() || row.minutes.trim())
      .map((row) => ({ title: row.title, minutes: row.minutes.trim() ? toNumber(row.minutes) : null })),
    recurrence,
  };
}

/** What the form can tell before asking the server: a date and a time are both needed. */
export function checkWhen(values: ScheduleValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.date) errors.date = "Choose the date of the (first) meeting.";
  if (!values.time) errors.time = "Choose the start time.";
  return errors;
}

const ORDINALS = ["first", "second", "third", "fourth", "last"];

/** "the second Tuesday of each month" for a start date, as the server's monthly rule reads it. */
export function describeMonthly(isoDate: string): string | null {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return null;
  const date = new Date(year, month - 1, day);
  const weekday = new Intl.DateTimeFormat(undefined, { weekday: "long" }).format(date);
  return `On the ${ORDINALS[Math.ceil(day / 7) - 1]} ${weekday} of each month.`;
}
