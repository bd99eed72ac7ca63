import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
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

/** Visits matching a filter, with visitors and all their feedback (presenters decide what each person sees). */
export async function listVisits(db: Db, filter: SQL): Promise<VisitRow[]> {
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
     where ${filter}
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
