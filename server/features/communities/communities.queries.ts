import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CommunitiesQuery, Member, TeamRole } from "../../../contract/communities";
import type { Db } from "../../db/client";
import { sqlNow } from "../../db/sql-time";
import { notFound } from "../../errors";
import type { Actor } from "../../policy/actor";
import { visibleCommunitiesFilter } from "../../policy/community-scope";

export type CommunityRow = {
  id: string;
  districtId: string;
  name: string;
  kind: z.infer<typeof import("../../../contract/communities").CommunityKind>;
  purpose: string;
  archived: boolean;
  schools: { id: string; name: string }[];
  schoolIds: string[];
  memberCount: number;
  nextMeetingAt: string | null;
  studentSharingApproved: boolean;
  countsPartlyScoredAsNeed: boolean;
};

type RawCommunity = {
  id: string;
  district_id: string;
  name: string;
  kind: CommunityRow["kind"];
  purpose: string;
  archived: boolean;
  schools: { id: string; name: string }[] | null;
  member_count: number;
  next_meeting_at: string | Date | null;
  sharing_approved: boolean;
  counts_partly_scored_as_need: boolean;
  total?: number;
};

/** The columns of a community row; its next meeting is counted from this moment. */
function columns(): SQL {
  return sql`c.id, c.district_id, c.name, c.kind, c.purpose, c.archived_at is not null as archived,
  c.student_sharing_approved_at is not null as sharing_approved, c.counts_partly_scored_as_need,
  (select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name)
     from community_schools cs join schools s on s.id = cs.school_id where cs.community_id = c.id) as schools,
  (select count(*) from community_members cm where cm.community_id = c.id)::int as member_count,
  (select min(m.starts_at) from meetings m
    where m.community_id = c.id and m.ends_at > ${sqlNow()} and m.status in ('scheduled', 'in_progress')) as next_meeting_at`;
}

function toRow(raw: RawCommunity): CommunityRow {
  const schools = raw.schools ?? [];
  return {
    id: raw.id,
    districtId: raw.district_id,
    name: raw.name,
    kind: raw.kind,
    purpose: raw.purpose,
    archived: raw.archived,
    schools,
    schoolIds: schools.map((s) => s.id),
    memberCount: raw.member_count,
    nextMeetingAt: raw.next_meeting_at ? new Date(raw.next_meeting_at).toISOString() : null,
    studentSharingApproved: raw.sharing_approved,
    countsPartlyScoredAsNeed: raw.counts_partly_scored_as_need,
  };
}

/** One community, or a 404 problem. */
export async function requireCommunity(db: Db, id: string): Promise<CommunityRow> {
  return (await findCommunity(db, id)) ?? notFound("community");
}

/** One community, or undefined. */
export async function findCommunity(db: Db, id: string): Promise<CommunityRow | undefined> {
  const result = await db.execute<RawCommunity>(sql`select ${columns()} from communities c where c.id = ${id}`);
  const raw = result.rows[0];
  return raw ? toRow(raw) : undefined;
}

/** Several communities by id, in one query. */
export async function findCommunities(db: Db, ids: string[]): Promise<Map<string, CommunityRow>> {
  if (!ids.length) return new Map();
  const result = await db.execute<RawCommunity>(sql`select ${columns()} from communities c
    where c.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Map(result.rows.map((raw) => [raw.id, toRow(raw)]));
}

/** A page of the communities the actor may see, filtered and sorted by name. */
export async function listCommunities(db: Db, actor: Actor, query: z.infer<typeof CommunitiesQuery>) {
  const filters: SQL[] = [visibleCommunitiesFilter(actor)];
  if (query.includeArchived === "false") filters.push(sql`c.archived_at is null`);
  if (query.kind) filters.push(sql`c.kind = ${query.kind}`);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    filters.push(sql`(c.name ilike ${pattern} or c.purpose ilike ${pattern})`);
  }
  if (query.schoolId) {
    filters.push(
      sql`exists (select 1 from community_schools cs where cs.community_id = c.id and cs.school_id = ${query.schoolId})`,
    );
  }
  if (query.mine === "true") {
    filters.push(
      sql`exists (select 1 from community_members cm where cm.community_id = c.id and cm.person_id = ${actor.personId})`,
    );
  }
  const result = await db.execute<RawCommunity>(sql`
    select ${columns()}, count(*) over () as total from communities c
     where ${sql.join(filters, sql` and `)}
     order by lower(c.name), c.id
     limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
  return { items: result.rows.map(toRow), total: result.rows[0]?.total ?? 0 };
}

type RawMember = {
  person_id: string;
  display_name: string;
  email: string;
  team_role: TeamRole;
  shares_students: boolean;
  roles: string[] | null;
  school_names: string[] | null;
};

/** A community's members, facilitators first, with their district roles and schools. */
export async function listMembers(db: Db, communityId: string): Promise<Member[]> {
  const result = await db.execute<RawMember>(sql`
    select p.id as person_id, p.display_name, p.email, cm.team_role, cm.shares_students,
           (select array_agg(distinct ra.role::text) from role_assignments ra where ra.person_id = p.id) as roles,
           (select array_agg(distinct s.name) from role_assignments ra join schools s on s.id = ra.school_id
             where ra.person_id = p.id) as school_names
      from community_members cm join people p on p.id = cm.person_id
     where cm.community_id = ${communityId}
     order by array_position(array['facilitator', 'recorder', 'member', 'guest'], cm.team_role::text), lower(p.display_name)`);
  return result.rows.map((r) => ({
    personId: r.person_id,
    displayName: r.display_name,
    email: r.email,
    teamRole: r.team_role,
    sharesStudents: r.shares_students,
    roles: r.roles ?? [],
    schoolNames: r.school_names ?? [],
  }));
}
