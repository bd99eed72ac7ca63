import { eq, type SQL, sql } from "drizzle-orm";
import type { ActionItem, MeetingSummary } from "../../../contract/meetings";
import type { Db } from "../../db/client";
import { actionItems, meetings } from "../../db/schema";
import { uuidArray } from "../../db/sql-arrays";
import { sqlNow } from "../../db/sql-time";

type RawMeeting = {
  id: string;
  community_id: string;
  title: string;
  starts_at: string | Date;
  ends_at: string | Date;
  mode: MeetingSummary["mode"];
  location: string;
  link: string | null;
  status: MeetingSummary["status"];
  protocol_name: string | null;
  recurring: boolean;
};

const summaryColumns = sql`m.id, m.community_id, m.title, m.starts_at, m.ends_at, m.mode, m.location, m.link, m.status,
  m.protocol->>'name' as protocol_name, m.series_id is not null as recurring`;

function toSummary(r: RawMeeting): MeetingSummary {
  return {
    id: r.id,
    communityId: r.community_id,
    title: r.title,
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: new Date(r.ends_at).toISOString(),
    mode: r.mode,
    location: r.location,
    link: r.link,
    status: r.status,
    protocolName: r.protocol_name,
    recurring: r.recurring,
  };
}

/** Which meetings to list: some by id, or a community's, by time (from this moment) and status. */
export type MeetingFilter =
  | { ids: string[] }
  | { communityId: string; when: "upcoming" | "past" | "all"; statuses?: readonly MeetingSummary["status"][] }
  | {
      communityIds: readonly string[];
      when: "upcoming" | "past" | "all";
      statuses?: readonly MeetingSummary["status"][];
    };

function meetingCondition(filter: MeetingFilter): SQL {
  if ("ids" in filter) {
    return sql`m.id in (${sql.join(
      filter.ids.map((id) => sql`${id}`),
      sql`, `,
    )})`;
  }
  const time =
    filter.when === "upcoming"
      ? sql`and m.ends_at > ${sqlNow()}`
      : filter.when === "past"
        ? sql`and m.ends_at <= ${sqlNow()}`
        : sql``;
  const status = filter.statuses
    ? sql`and m.status in (${sql.join(
        filter.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql``;
  const team =
    "communityIds" in filter
      ? sql`m.community_id = any(${uuidArray(filter.communityIds)})`
      : sql`m.community_id = ${filter.communityId}`;
  return sql`${team} ${time} ${status}`;
}

/** Meetings matching a filter, in time order (or reverse), at most `limit`. */
export async function listMeetingSummaries(
  db: Db,
  filter: MeetingFilter,
  options: { newestFirst?: boolean; limit: number },
) {
  const result = await db.execute<RawMeeting>(sql`
    select ${summaryColumns} from meetings m where ${meetingCondition(filter)}
     order by m.starts_at ${options.newestFirst ? sql`desc` : sql`asc`}, m.id limit ${options.limit}`);
  return result.rows.map(toSummary);
}

/** A meeting as stored. */
export type MeetingRow = typeof meetings.$inferSelect;

/** One meeting, as stored. */
export async function findMeeting(db: Db, id: string) {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row;
}

/** One action item, as stored. */
export async function findActionItem(db: Db, id: string) {
  const [row] = await db.select().from(actionItems).where(eq(actionItems.id, id));
  return row;
}

/** The time zone a recurring series was scheduled in. */
export async function findSeriesTimezone(db: Db, seriesId: string): Promise<string | null> {
  const result = await db.execute<{ timezone: string }>(
    sql`select timezone from meeting_series where id = ${seriesId}`,
  );
  return result.rows[0]?.timezone ?? null;
}

type RawActionItem = {
  id: string;
  community_id: string;
  title: string;
  owner_id: string | null;
  owner_name: string | null;
  due_on: string | null;
  status: "open" | "done";
  meeting_id: string | null;
  created_at: string | Date;
  is_overdue: boolean;
};

/** Which action items to list: one, a community's by status, a person's open ones, or those a meeting carries. */
export type ActionItemFilter =
  | { id: string }
  | { communityId: string; status: "open" | "done" | "all" }
  | { ownerId: string; status: "open" }
  | { carriedBy: { id: string; communityId: string; endsAt: Date } };

function actionItemCondition(filter: ActionItemFilter): SQL {
  if ("id" in filter) return sql`a.id = ${filter.id}`;
  if ("carriedBy" in filter) return carriedByMeeting(filter.carriedBy);
  if ("ownerId" in filter) return sql`a.owner_id = ${filter.ownerId} and a.status = ${filter.status}`;
  const status = filter.status === "all" ? sql`` : sql`and a.status = ${filter.status}`;
  return sql`a.community_id = ${filter.communityId} ${status}`;
}

/** Action items matching a filter, soonest due first. */
export async function listActionItems(db: Db, filter: ActionItemFilter, today: string): Promise<ActionItem[]> {
  const result = await db.execute<RawActionItem>(sql`
    select a.id, a.community_id, a.title, a.owner_id, p.display_name as owner_name, a.due_on::text, a.status, a.meeting_id, a.created_at,
           coalesce(a.status = 'open' and a.due_on < ${today}::date, false) as is_overdue
      from action_items a left join people p on p.id = a.owner_id
     where ${actionItemCondition(filter)}
     order by a.status, a.due_on nulls last, a.created_at
     limit 200`);
  return result.rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    title: r.title,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: r.status,
    meetingId: r.meeting_id,
    createdAt: new Date(r.created_at).toISOString(),
    isOverdue: r.is_overdue,
  }));
}

/** Open items roll over: a meeting shows every open item made before it ends, and all made in it. */
function carriedByMeeting(meeting: { id: string; communityId: string; endsAt: Date }): SQL {
  return sql`a.community_id = ${meeting.communityId}
    and ((a.status = 'open' and a.created_at <= greatest(${meeting.endsAt.toISOString()}::timestamptz, ${sqlNow()}))
         or a.meeting_id = ${meeting.id})`;
}

type RawAttendance = {
  person_id: string;
  display_name: string;
  team_role: string;
  status: "present" | "absent" | "excused" | null;
};

/** Every member of the meeting's community, and anyone recorded at the meeting, with their attendance. */
export async function listAttendance(db: Db, meeting: { id: string; communityId: string }) {
  const result = await db.execute<RawAttendance>(sql`
    select p.id as person_id, p.display_name, coalesce(cm.team_role::text, 'former member') as team_role, ma.status
      from people p
      left join community_members cm on cm.person_id = p.id and cm.community_id = ${meeting.communityId}
      left join meeting_attendance ma on ma.person_id = p.id and ma.meeting_id = ${meeting.id}
     where cm.person_id is not null or ma.person_id is not null
     order by lower(p.display_name)`);
  return result.rows.map((r) => ({
    personId: r.person_id,
    displayName: r.display_name,
    teamRole: r.team_role,
    status: r.status,
  }));
}

type RawDecision = { id: string; text: string; created_at: string | Date; created_by: string | null };

/** A meeting's decisions, in the order they were recorded. */
export async function listDecisions(db: Db, meetingId: string) {
  const result = await db.execute<RawDecision>(sql`
    select d.id, d.text, d.created_at, p.display_name as created_by
      from meeting_decisions d left join people p on p.id = d.created_by_id
     where d.meeting_id = ${meetingId} order by d.created_at, d.id`);
  return result.rows.map((r) => ({
    id: r.id,
    text: r.text,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
  }));
}

/** The meetings just before and after this one in its community (for moving between them). */
export async function neighbourMeetings(db: Db, meeting: { id: string; communityId: string; startsAt: Date }) {
  const result = await db.execute<{ previous_id: string | null; next_id: string | null }>(sql`
    select (select m.id from meetings m where m.community_id = ${meeting.communityId} and m.id <> ${meeting.id}
              and m.status <> 'cancelled' and (m.starts_at, m.id) < (${meeting.startsAt.toISOString()}::timestamptz, ${meeting.id}::uuid)
             order by m.starts_at desc, m.id desc limit 1) as previous_id,
           (select m.id from meetings m where m.community_id = ${meeting.communityId} and m.id <> ${meeting.id}
              and m.status <> 'cancelled' and (m.starts_at, m.id) > (${meeting.startsAt.toISOString()}::timestamptz, ${meeting.id}::uuid)
             order by m.starts_at, m.id limit 1) as next_id`);
  return { previousId: result.rows[0]?.previous_id ?? null, nextId: result.rows[0]?.next_id ?? null };
}

/** Who may be marked at a meeting: the community's members and anyone already recorded there. */
export async function listAttendeeIds(db: Db, meeting: { id: string; communityId: string }): Promise<Set<string>> {
  const result = await db.execute<{ person_id: string }>(sql`
    select person_id from community_members where community_id = ${meeting.communityId}
    union select person_id from meeting_attendance where meeting_id = ${meeting.id}`);
  return new Set(result.rows.map((r) => r.person_id));
}
