import { sql } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { EVIDENCE_LEVELS, RESOURCE_KINDS, RESOURCE_SCOPES } from "../../../contract/library";
import { communities } from "./communities";
import { tsvector } from "./discussions";
import { districtIdColumn, people, schools } from "./organizations";

export const resourceKind = pgEnum("resource_kind", RESOURCE_KINDS);
export const resourceScope = pgEnum("resource_scope", RESOURCE_SCOPES);
export const evidenceLevel = pgEnum("evidence_level", EVIDENCE_LEVELS);

/** A shared resource: a file, a link, a lesson plan or a strategy, shared at a scope. */
export const resources = pgTable(
  "resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    kind: resourceKind("kind").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    url: text("url"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    gradeLevels: text("grade_levels").array().notNull().default(sql`'{}'::text[]`),
    subjects: text("subjects").array().notNull().default(sql`'{}'::text[]`),
    scope: resourceScope("scope").notNull(),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id").references(() => schools.id),
    createdById: uuid("created_by_id").references(() => people.id),
    search: tsvector("search"),
    /** For strategies: the strength of the evidence behind it and where that evidence is published. */
    evidenceLevel: evidenceLevel("evidence_level"),
    evidenceSource: text("evidence_source"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("resources_district_idx").on(t.districtId, t.scope),
    index("resources_community_idx").on(t.communityId),
    index("resources_search_idx").using("gin", t.search),
  ],
);

export const resourceComments = pgTable(
  "resource_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("resource_comments_resource_idx").on(t.resourceId, t.createdAt)],
);

export const resourceRatings = pgTable(
  "resource_ratings",
  {
    districtId: districtIdColumn(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    usefulness: smallint("usefulness").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.personId] }),
    check("resource_ratings_range", sql`${t.usefulness} between 1 and 5`),
  ],
);

/** "I used it in my classroom", with a short reflection: evidence of implementation. */
export const resourceUses = pgTable(
  "resource_uses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    usedOn: date("used_on").notNull(),
    reflection: text("reflection").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("resource_uses_resource_idx").on(t.resourceId)],
);
