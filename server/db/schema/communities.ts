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
import { COMMUNITY_KINDS, TEAM_ROLES } from "../../../contract/communities";
import { districtIdColumn, people, schools } from "./organizations";

export const communityKind = pgEnum("community_kind", COMMUNITY_KINDS);

export const teamRole = pgEnum("team_role", TEAM_ROLES);

/** A learning community (team): a grade-level team, a course team, a cross-school network… */
export const communities = pgTable(
  "communities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    name: text("name").notNull(),
    kind: communityKind("kind").notNull(),
    purpose: text("purpose").notNull().default(""),
    /** School days after an assessment within which every student below proficiency should have a response. */
    responseDays: smallint("response_days").notNull().default(5),
    /**
     * The team's choice to count partly scored results (some of a target's items blank) as "needs more time";
     * by default they are shown apart, since their cut scores were meant for every item.
     */
    countsPartlyScoredAsNeed: boolean("counts_partly_scored_as_need").notNull().default(false),
    /**
     * A school or district leader's approval for members to share their students in a team whose kind does not
     * share them by itself (grade-level and course teams do); null when not approved.
     */
    studentSharingApprovedById: uuid("student_sharing_approved_by_id").references(() => people.id),
    studentSharingApprovedAt: timestamp("student_sharing_approved_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => people.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("communities_district_idx").on(t.districtId, t.name)],
);

/** The schools a community belongs to: one or several (cross-school teams are normal). */
export const communitySchools = pgTable(
  "community_schools",
  {
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.schoolId] }), index("community_schools_school_idx").on(t.schoolId)],
);

export const communityMembers = pgTable(
  "community_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    teamRole: teamRole("team_role").notNull().default("member"),
    /** Set only by the member themself: their classes' students are shared with the team (see student-scope.ts). */
    sharesStudents: boolean("shares_students").notNull().default(false),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("community_members_uq").on(t.communityId, t.personId),
    index("community_members_person_idx").on(t.personId),
  ],
);

/** One version of a team's norms; every edit makes a new version, so the history is kept. */
export const normVersions = pgTable(
  "norm_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    norms: jsonb("norms").$type<string[]>().notNull(),
    changeNote: text("change_note").notNull().default(""),
    createdById: uuid("created_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("norm_versions_uq").on(t.communityId, t.version)],
);

export const normAgreements = pgTable(
  "norm_agreements",
  {
    districtId: districtIdColumn(),
    normVersionId: uuid("norm_version_id")
      .notNull()
      .references(() => normVersions.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    agreedAt: timestamp("agreed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.normVersionId, t.personId] })],
);

/** A scheduled check-in where members rate each norm 1–4, anonymously. */
export const normCheckins = pgTable(
  "norm_checkins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    normVersionId: uuid("norm_version_id")
      .notNull()
      .references(() => normVersions.id),
    opensOn: date("opens_on").notNull(),
    closesOn: date("closes_on").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("norm_checkins_community_idx").on(t.communityId, t.opensOn)],
);

/** Who has responded (to allow one response each), kept apart from what they said (anonymity). */
export const normCheckinResponses = pgTable(
  "norm_checkin_responses",
  {
    districtId: districtIdColumn(),
    checkinId: uuid("checkin_id")
      .notNull()
      .references(() => normCheckins.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.checkinId, t.personId] })],
);

export const normRatings = pgTable(
  "norm_ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    checkinId: uuid("checkin_id")
      .notNull()
      .references(() => normCheckins.id, { onDelete: "cascade" }),
    normIndex: smallint("norm_index").notNull(),
    rating: smallint("rating").notNull(),
  },
  (t) => [
    index("norm_ratings_checkin_idx").on(t.checkinId),
    check("norm_ratings_rating_range", sql`${t.rating} between 1 and 4`),
  ],
);
