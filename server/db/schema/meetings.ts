import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ACTION_ITEM_STATUSES, ATTENDANCE_STATUSES, MEETING_MODES, MEETING_STATUSES } from "../../../contract/meetings";
import { communities } from "./communities";
import { districtIdColumn, districts, people } from "./organizations";

export type ProtocolStep = { title: string; minutes: number; roles: string[]; prompts: string[] };
export type ProtocolSnapshot = { key: string; name: string; purpose: string; steps: ProtocolStep[] };
export type AgendaItem = { title: string; minutes: number | null };

export const meetingMode = pgEnum("meeting_mode", MEETING_MODES);
export const meetingStatus = pgEnum("meeting_status", MEETING_STATUSES);
export const attendanceStatus = pgEnum("attendance_status", ATTENDANCE_STATUSES);
export const actionItemStatus = pgEnum("action_item_status", ACTION_ITEM_STATUSES);

/** A team's own copy of a protocol, adapted from the built-in library or written from scratch. */
export const protocols = pgTable(
  "protocols",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    basedOn: text("based_on"),
    name: text("name").notNull(),
    purpose: text("purpose").notNull().default(""),
    steps: jsonb("steps").$type<ProtocolStep[]>().notNull(),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("protocols_community_idx").on(t.communityId)],
);

/** A recurrence (RFC 5545 RRULE) from which meetings are materialized. */
export const meetingSeries = pgTable(
  "meeting_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    rrule: text("rrule").notNull(),
    timezone: text("timezone").notNull(),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meeting_series_community_idx").on(t.communityId)],
);

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    seriesId: uuid("series_id").references(() => meetingSeries.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    mode: meetingMode("mode").notNull().default("in_person"),
    location: text("location").notNull().default(""),
    link: text("link"),
    // A snapshot: editing a protocol later does not rewrite meetings already held on it.
    protocol: jsonb("protocol").$type<ProtocolSnapshot>(),
    agenda: jsonb("agenda").$type<AgendaItem[]>().notNull().default([]),
    notes: text("notes").notNull().default(""),
    status: meetingStatus("status").notNull().default("scheduled"),
    currentStep: integer("current_step"),
    stepStartedAt: timestamp("step_started_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("meetings_community_starts_idx").on(t.communityId, t.startsAt),
    index("meetings_series_idx").on(t.seriesId),
  ],
);

export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    districtId: districtIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    status: attendanceStatus("status").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

export const meetingDecisions = pgTable(
  "meeting_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meeting_decisions_meeting_idx").on(t.meetingId)],
);

/** Action items belong to the community; each open one shows on every meeting until it is done. */
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    ownerId: uuid("owner_id").references(() => people.id),
    dueOn: date("due_on"),
    status: actionItemStatus("status").notNull().default("open"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_items_community_status_idx").on(t.communityId, t.status)],
);

/** The private token of a person's iCalendar feed (stored hashed; the URL is shown when it is made). */
export const calendarFeeds = pgTable("calendar_feeds", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  districtId: uuid("district_id")
    .notNull()
    .references(() => districts.id),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
