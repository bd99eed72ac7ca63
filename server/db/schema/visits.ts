import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { VISIT_STATUSES } from "../../../contract/visits";
import { communities } from "./communities";
import { districtIdColumn, people, schools } from "./organizations";

export const visitStatus = pgEnum("visit_status", VISIT_STATUSES);

/** A teacher's invitation to peers to visit their classroom, around a focus (a strategy or a question). */
export const classroomVisits = pgTable(
  "classroom_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    hostId: uuid("host_id")
      .notNull()
      .references(() => people.id),
    schoolId: uuid("school_id").references(() => schools.id),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "set null" }),
    focus: text("focus").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    status: visitStatus("status").notNull().default("proposed"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("classroom_visits_host_idx").on(t.hostId), index("classroom_visits_school_idx").on(t.schoolId)],
);

export const visitVisitors = pgTable(
  "visit_visitors",
  {
    districtId: districtIdColumn(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => classroomVisits.id, { onDelete: "cascade" }),
    visitorId: uuid("visitor_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.visitorId] }), index("visit_visitors_visitor_idx").on(t.visitorId)],
);

/** Non-evaluative feedback: seen by the visited teacher only, unless they share it with their team. */
export const visitFeedback = pgTable(
  "visit_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtIdColumn(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => classroomVisits.id, { onDelete: "cascade" }),
    visitorId: uuid("visitor_id")
      .notNull()
      .references(() => people.id),
    observations: text("observations").notNull(),
    whatWorked: text("what_worked").notNull().default(""),
    whatToTry: text("what_to_try").notNull().default(""),
    question: text("question").notNull().default(""),
    isSharedWithTeam: boolean("is_shared_with_team").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("visit_feedback_visit_idx").on(t.visitId)],
);
