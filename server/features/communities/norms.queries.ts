import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { NormVersion } from "../../../contract/communities";
import type { Db } from "../../db/client";

type NormVersionView = z.infer<typeof NormVersion>;

type RawVersion = {
  id: string;
  version: number;
  norms: string[];
  change_note: string;
  created_by: string | null;
  created_at: string | Date;
  agreed_by: { personId: string; displayName: string; agreedAt: string }[] | null;
  all_agreed: boolean;
};

/** Every version of a community's norms, newest first, with who agreed and whether every member has. */
export async function listNormVersions(db: Db, communityId: string, limit = 50): Promise<NormVersionView[]> {
  const result = await db.execute<RawVersion>(sql`
    select nv.id, nv.version, nv.norms, nv.change_note, p.display_name as created_by, nv.created_at,
           (select json_agg(json_build_object('personId', na.person_id, 'displayName', ap.display_name, 'agreedAt', na.agreed_at)
                            order by na.agreed_at)
              from norm_agreements na join people ap on ap.id = na.person_id where na.norm_version_id = nv.id) as agreed_by,
           not exists (select 1 from community_members cm
                        where cm.community_id = nv.community_id
                          and not exists (select 1 from norm_agreements na
                                           where na.norm_version_id = nv.id and na.person_id = cm.person_id)) as all_agreed
      from norm_versions nv left join people p on p.id = nv.created_by_id
     where nv.community_id = ${communityId}
     order by nv.version desc
     limit ${limit}`);
  return result.rows.map((r) => ({
    id: r.id,
    version: r.version,
    norms: r.norms,
    changeNote: r.change_note,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    agreedBy: (r.agreed_by ?? []).map((a) => ({ ...a, agreedAt: new Date(a.agreedAt).toISOString() })),
    allAgreed: r.all_agreed,
  }));
}

type RawCheckin = {
  id: string;
  opens_on: string;
  closes_on: string;
  norms: string[];
  responses: number;
  averages: (number | null)[] | null;
  has_responded: boolean;
  is_open: boolean;
};

// Averages appear once a check-in has closed with at least this many responses: before that, watching the
// averages move (or a lone response) would reveal how a colleague rated.
export const MIN_RESPONSES_FOR_AVERAGES = 3;

/** A community's norm check-ins with the anonymous average rating of each norm (once safe to show). */
export async function listCheckins(db: Db, communityId: string, personId: string, today: string) {
  const result = await db.execute<RawCheckin>(sql`
    select c.id, c.opens_on::text, c.closes_on::text, nv.norms,
           (select count(*) from norm_checkin_responses r where r.checkin_id = c.id)::int as responses,
           (select array_agg(avg_rating order by i)
              from (select i, (select round(avg(nr.rating)::numeric, 2)::float8 from norm_ratings nr
                                 where nr.checkin_id = c.id and nr.norm_index = i) as avg_rating
                      from generate_series(0, jsonb_array_length(nv.norms) - 1) as i) per_norm) as averages,
           exists (select 1 from norm_checkin_responses r where r.checkin_id = c.id and r.person_id = ${personId}) as has_responded,
           ${today}::date between c.opens_on and c.closes_on as is_open
      from norm_checkins c join norm_versions nv on nv.id = c.norm_version_id
     where c.community_id = ${communityId}
     order by c.opens_on desc
     limit 100`);
  return result.rows.map((r) => ({
    id: r.id,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    norms: r.norms,
    responses: r.responses,
    averages:
      !r.is_open && r.closes_on < today && r.responses >= MIN_RESPONSES_FOR_AVERAGES
        ? (r.averages ?? [])
        : r.norms.map(() => null),
    hasResponded: r.has_responded,
    isOpen: r.is_open,
  }));
}
