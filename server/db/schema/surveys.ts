import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { SURVEY_SCALES, type SurveyItem } from "../../../contract/surveys";
import { communities } from "./communities";
import { meetings } from "./meetings";
import { districtIdColumn, people, schools } from "./organizations";

export const surveyScale = pgEnum("survey_scale", SURVEY_SCALES);

/** A survey instrument written by the district's leaders; built-in instruments live in code (features/surveys/instruments). */
export const surveyInstruments = pgTable(
  "survey_instruments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("survey_instruments_district_idx").on(t.districtId)],
);

/** The items of a district instrument, in order; each has levels 1..N with a label and a descriptor each. */
export const surveyInstrumentItems = pgTable(
  "survey_instrument_items",
  {
    districtId: districtIdColumn(),
    instrumentId: uuid("instrument_id")
      .notNull()
      .references(() => surveyInstruments.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    section: text("section").notNull(),
    prompt: text("prompt").notNull(),
    scale: surveyScale("scale").notNull(),
    levels: jsonb("levels").$type<{ label: string; descriptor: string }[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.instrumentId, t.position] })],
);

/**
 * One run of an instrument for a team or a school in a term. The items are a snapshot taken when the round
 * opens, so the results always read against the words people answered.
 */
export const surveyRounds = pgTable(
  "survey_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    /** A built-in instrument's key, or null for a district instrument (instrumentId). */
    instrumentKey: text("instrument_key"),
    instrumentId: uuid("instrument_id").references(() => surveyInstruments.id),
    title: text("title").notNull(),
    items: jsonb("items").$type<SurveyItem[]>().notNull(),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    /** A team's feedback on one of its meetings: the meeting (the team is communityId). One round a meeting. */
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id").references(() => schools.id),
    /** The school's families answer, not its staff (a family survey). */
    forFamilies: boolean("for_families").notNull().default(false),
    termLabel: text("term_label").notNull(),
    opensOn: date("opens_on").notNull(),
    closesOn: date("closes_on").notNull(),
    openedById: uuid("opened_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("survey_rounds_community_idx").on(t.communityId, t.opensOn),
    index("survey_rounds_school_idx").on(t.schoolId, t.opensOn),
    index("survey_rounds_district_idx").on(t.districtId, t.opensOn),
    check("survey_rounds_one_instrument", sql`(${t.instrumentKey} is null) <> (${t.instrumentId} is null)`),
    check("survey_rounds_one_audience", sql`(${t.communityId} is null) <> (${t.schoolId} is null)`),
    check("survey_rounds_dates", sql`${t.closesOn} >= ${t.opensOn}`),
    check("survey_rounds_meeting_team", sql`${t.meetingId} is null or ${t.communityId} is not null`),
    check("survey_rounds_families_school", sql`not ${t.forFamilies} or ${t.schoolId} is not null`),
    uniqueIndex("survey_rounds_meeting_uq").on(t.meetingId),
  ],
);

/**
 * Who has answered a round: for "you already answered" and completion counts only. It holds no time and no
 * answer, so nothing joins it to survey_answers.
 */
export const surveyRespondents = pgTable(
  "survey_respondents",
  {
    districtId: districtIdColumn(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => surveyRounds.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.personId] })],
);

/**
 * One answer to one item, with no person, no time and no submission id: a respondent's answers cannot be tied to
 * them, nor to each other. Ids are random uuids, so their order tells nothing either.
 */
export const surveyAnswers = pgTable(
  "survey_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => surveyRounds.id, { onDelete: "cascade" }),
    itemKey: text("item_key").notNull(),
    level: smallint("level").notNull(),
  },
  (t) => [
    index("survey_answers_round_idx").on(t.roundId, t.itemKey),
    check("survey_answers_level_range", sql`${t.level} between 1 and 6`),
  ],
);
