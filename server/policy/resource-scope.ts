import { type SQL, sql } from "drizzle-orm";
import { type Actor, isDistrictLeader, isStaff } from "./actor";
import { visibleCommunitiesFilter } from "./community-scope";

/*
 * The SQL side of "resource.read" (rules.ts). The library's list selects from `resources r` under
 * visibleResourcesFilter(actor); resource-scope.test.ts checks that it admits exactly the resources the rule does.
 */

function staffSchoolIds(actor: Actor): string[] {
  return actor.roles.filter((r) => r.schoolId && isStaff({ ...actor, roles: [r] })).map((r) => r.schoolId as string);
}

/**
 * The SQL twin of the resource.read rule, over `resources r`: one's own resources, the resources of the
 * communities one may read, one's schools' resources (every school's, for district leaders), and for staff
 * the district's.
 */
export function visibleResourcesFilter(actor: Actor): SQL {
  const schoolIds = staffSchoolIds(actor);
  const school = isDistrictLeader(actor)
    ? sql`true`
    : schoolIds.length
      ? sql`r.school_id in (${sql.join(
          schoolIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql`false`;
  const district = isStaff(actor) ? sql`true` : sql`false`;
  return sql`r.district_id = ${actor.districtId} and (r.created_by_id = ${actor.personId}
    or (r.scope = 'community' and exists (select 1 from communities c
          where c.id = r.community_id and ${visibleCommunitiesFilter(actor)}))
    or (r.scope = 'school' and ${school})
    or (r.scope = 'district' and ${district}))`;
}
