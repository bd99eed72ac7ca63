import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { type Channels, NOTIFICATION_KINDS, type NotificationKind } from "../../../contract/notifications";
import { communities } from "./communities";
import { districtIdColumn, districts, people } from "./organizations";

/** PostgreSQL full-text search vector; filled by the queries that write the row. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A discussion thread in a community, or in the district-wide forum (communityId null). */
export const discussionThreads = pgTable(
  "discussion_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    authorId: uuid("author_id").references(() => people.id),
    replyCount: integer("reply_count").notNull().default(0),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("discussion_threads_scope_idx").on(t.districtId, t.communityId, t.lastActivityAt.desc()),
    index("discussion_threads_search_idx").using("gin", t.search),
  ],
);

export const discussionReplies = pgTable(
  "discussion_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    authorId: uuid("author_id").references(() => people.id),
    search: tsvector("search"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("discussion_replies_thread_idx").on(t.threadId, t.createdAt),
    index("discussion_replies_search_idx").using("gin", t.search),
  ],
);

/** An uploaded file, stored on disk under DATA_DIR and served only through a checked route. */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    storageKey: text("storage_key").notNull().unique(),
    originalName: text("original_name").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    attachedToType: text("attached_to_type", { enum: ["thread", "reply", "resource"] }).notNull(),
    attachedToId: uuid("attached_to_id").notNull(),
    uploadedById: uuid("uploaded_by_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("files_attached_idx").on(t.attachedToType, t.attachedToId)],
);

/** In-app notifications (the bell), also gathered into an email digest for those who want one. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    title: text("title").notNull(),
    link: text("link").notNull(),
    actorId: uuid("actor_id").references(() => people.id),
    /**
     * What the notice is about, once per person (a meeting's 24-hour reminder, a plan's flag on its latest score):
     * every server process may decide to send it, and the unique index lets only the first one through.
     */
    dedupeKey: text("dedupe_key"),
    /** Shown on the bell (the person may take a kind by email only). */
    inBell: boolean("in_bell").notNull().default(true),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_person_idx").on(t.personId, t.createdAt.desc()),
    index("notifications_unread_idx").on(t.personId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_dedupe_uq").on(t.personId, t.dedupeKey),
  ],
);

export const notificationSettings = pgTable("notification_settings", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  districtId: uuid("district_id")
    .notNull()
    .references(() => districts.id),
  emailDigest: boolean("email_digest").notNull().default(true),
  /** Each kind's channels where the person changed them (DEFAULT_CHANNELS otherwise). */
  channels: jsonb("channels").$type<Partial<Record<NotificationKind, Channels>>>().notNull().default({}),
  /** The secret of the one-click unsubscribe links in their email (RFC 8058); made when first needed. */
  unsubscribeToken: text("unsubscribe_token").unique(),
});
