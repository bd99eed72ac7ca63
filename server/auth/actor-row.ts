import type { Actor } from "../policy/actor";

/**
 * The columns that make an Actor of a person (`p`, joined to their district `d`): identity, district, roles with
 * their schools, and team memberships. Sessions and API tokens select them beside their own columns, so both
 * load a person the same way.
 */
export const PERSON_ACTOR_COLUMNS = `
  p.id as person_id, p.district_id, d.name as district_name, d.slug as district_slug, d.time_zone,
  p.email, p.display_name, p.preferred_language,
  (select json_agg(json_build_object('role', ra.role, 'schoolId', ra.school_id, 'schoolName', sc.name)
                   order by ra.role, sc.name)
     from role_assignments ra left join schools sc on sc.id = ra.school_id
    where ra.person_id = p.id) as roles,
  (select json_object_agg(cm.community_id, cm.team_role)
     from community_members cm where cm.person_id = p.id) as memberships`;

/** A row with PERSON_ACTOR_COLUMNS. */
export type PersonActorRow = {
  person_id: string;
  district_id: string;
  district_name: string;
  district_slug: string;
  time_zone: string;
  email: string;
  display_name: string;
  preferred_language: string;
  roles: Actor["roles"] | null;
  memberships: Actor["memberships"] | null;
};

/** The Actor of such a row, signed in through `sessionId` (a session's id, or an API token's). */
export function actorFromRow(row: PersonActorRow, sessionId: string): Actor {
  return {
    sessionId,
    personId: row.person_id,
    districtId: row.district_id,
    districtName: row.district_name,
    districtSlug: row.district_slug,
    timeZone: row.time_zone,
    email: row.email,
    displayName: row.display_name,
    preferredLanguage: row.preferred_language,
    roles: row.roles ?? [],
    memberships: row.memberships ?? {},
  };
}
