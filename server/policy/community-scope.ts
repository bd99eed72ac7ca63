import { type SQL, sql } from "drizzle-orm";
import { type Actor, isDistrictLeader, schoolsLed } from "./actor";

/*
 * The SQL side of "community.read" (rules.ts). Every list of communities, and every list of what lives in
 * a community (threads, resources, learning targets), filters with visibleCommunitiesFilter(actor);
 * community-scope.test.ts checks that it admits exactly the communities the rule does.
 */

/**
 * A condition on a row of `communities` aliased `c`: the actor's district, and there a community they belong
 * to or one at a school they lead; district leaders see every community of their district.
 */
export function visibleCommunitiesFilter(actor: Actor): SQL {
  if (isDistrictLeader(actor)) return sql`c.district_id = ${actor.districtId}`;
  const led = [...schoolsLed(actor)];
  const leadsOneOfItsSchools = led.length
    ? sql`or exists (select 1 from community_schools cs where cs.community_id = c.id and cs.school_id in (${sql.join(
        led.map((id) => sql`${id}`),
        sql`, `,
      )}))`
    : sql``;
  return sql`c.district_id = ${actor.districtId} and (exists (select 1 from community_members cm
    where cm.community_id = c.id and cm.person_id = ${actor.personId}) ${leadsOneOfItsSchools})`;
}
