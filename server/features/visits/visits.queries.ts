import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { people } from "../../db/schema";
import type { VisitTarget } from "../../policy/rules";
import { type CommunityRow, findCommunities } from "../communities/communities.queries";

type Person = { id: string; name: string };
export type FeedbackRow = {
  id: string;
  visitor: Person;
  observations: string;
  whatWorked: string;
  whatToTry: string;
  question: string;
  isSharedWithTeam: boolean;
  createdAt: string;
};
export type VisitRow = {
  id: string;
  districtId: string;
  focus: string;
  status: "proposed" | "scheduled" | "completed" | "cancelled";
  startsAt: string | null;
  host: Person;
  visitors: Person[];
  school: Person | null;
  communityId: string | null;
  community: CommunityRow | null;
  feedback: FeedbackRow[];
  createdAt: string;
};

type RawVisit = {
  id: string;
  district_id: string;
  focus: string;
  status: VisitRow["status"];
  starts_at: string | Date | null;
  host_id: string;
  host_name: string;
  school_id: string | null;
  school_name: string | null;
  community_id: string | null;
  created_at: string | Date;
  visitors: Person[] | null;
  feedback: FeedbackRow[] | null;
};

/** Which visits to list: one by id, or those a person might see in their district (the read rule decides). */
export type VisitFilter = { id: string } | { reader: { districtId: string; personId: string } };

function visitCondition(filter: VisitFilter): SQL {
  if ("id" in filter) return sql`v.id = ${filter.id}`;
  const { districtId, personId } = filter.reader;
  return sql`v.district_id = ${districtId} and (v.host_id = ${personId}
          or exists (select 1 from visit_visitors vv where vv.visit_id = v.id and vv.visitor_id = ${personId})
          or (exists (select 1 from community_members cm where cm.community_id = v.community_id and cm.person_id = ${personId})
              and exists (select 1 from visit_feedback f where f.visit_id = v.id and f.is_shared_with_team)))`;
}

/** Visits matching a filter, with visitors and all their feedback (presenters decide what each person sees). */
export async function listVisits(db: Db, filter: VisitFilter): Promise<VisitRow[]> {
  const result = await db.execute<RawVisit>(sql`
    select v.id, v.district_id, v.focus, v.status, v.starts_at, v.host_id, h.display_name as host_name,
           v.school_id, s.name as school_name, v.community_id, v.created_at,
           (select json_agg(json_build_object('id', p.id, 'name', p.display_name) order by p.display_name)
              from visit_visitors vv join people p on p.id = vv.visitor_id where vv.visit_id = v.id) as visitors,
           (select json_agg(json_build_object('id', f.id, 'visitor', json_build_object('id', p.id, 'name', p.display_name),
                    'observations', f.observations, 'whatWorked', f.what_worked, 'whatToTry', f.what_to_try,
                    'question', f.question, 'isSharedWithTeam', f.is_shared_with_team, 'createdAt', f.created_at)
                    order by f.created_at)
              from visit_feedback f join people p on p.id = f.visitor_id where f.visit_id = v.id) as feedback
      from classroom_visits v join people h on h.id = v.host_id left join schools s on s.id = v.school_id
     where ${visitCondition(filter)}
     order by coalesce(v.starts_at, v.created_at) desc
     limit 200`);
  const communityIds = [...new Set(result.rows.flatMap((r) => (r.community_id ? [r.community_id] : [])))];
  const communities = await findCommunities(db, communityIds);
  return result.rows.map((r) => ({
    id: r.id,
    districtId: r.district_id,
    focus: r.focus,
    status: r.status,
    startsAt: r.starts_at ? new Date(r.starts_at).toISOString() : null,
    host: { id: r.host_id, name: r.host_name },
    visitors: r.visitors ?? [],
    school: r.school_id ? { id: r.school_id, name: r.school_name ?? "" } : null,
    communityId: r.community_id,
    community: r.community_id ? (communities.get(r.community_id) ?? null) : null,
    feedback: (r.feedback ?? []).map((f) => ({ ...f, createdAt: new Date(f.createdAt).toISOString() })),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** What the visit rules need to know of a visit. */
export function visitTarget(visit: VisitRow): VisitTarget {
  return {
    districtId: visit.districtId,
    id: visit.id,
    hostId: visit.host.id,
    visitorIds: visit.visitors.map((v) => v.id),
    community: visit.community,
    hasSharedFeedback: visit.feedback.some((f) => f.isSharedWithTeam),
  };
}

/** Of these people, those who are active in the district. */
export async function findActiveColleagueIds(db: Db, districtId: string, ids: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.districtId, districtId), inArray(people.id, ids), eq(people.status, "active")));
  return new Set(rows.map((r) => r.id));
}

export type VisitCountRow = {
  school_id: string;
  school_name: string;
  proposed: number;
  scheduled: number;
  completed: number;
  feedback_given: number;
};

/** Visits by status and feedback given, per school of the district (or of these schools only). */
export async function countVisitsBySchool(
  db: Db,
  districtId: string,
  schoolIds: string[] | null,
): Promise<VisitCountRow[]> {
  const schoolFilter = schoolIds
    ? sql`and s.id in (${sql.join(
        schoolIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const rows = await db.execute<VisitCountRow>(sql`
        select s.id as school_id, s.name as school_name,
               count(*) filter (where v.status = 'proposed')::int as proposed,
               count(*) filter (where v.status = 'scheduled')::int as scheduled,
               count(*) filter (where v.status = 'completed')::int as completed,
               coalesce(sum((select count(*) from visit_feedback f where f.visit_id = v.id)), 0)::int as feedback_given
          from schools s left join classroom_visits v on v.school_id = s.id
         where s.district_id = ${districtId} ${schoolFilter}
         group by s.id, s.name order by s.name`);
  return rows.rows;
}
