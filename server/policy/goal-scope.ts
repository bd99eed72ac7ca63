import { type SQL, sql } from "drizzle-orm";
import { uuidArray } from "../db/sql-arrays";
import { type Actor, isDistrictLeader, isStaff, schoolsLed } from "./actor";

/*
 * The SQL side of "goal.read" (rules.ts). The goals list and the alignment tree filter with isVisibleGoal(actor);
 * goal-scope.test.ts checks that it admits exactly the goals the rule does, for every kind of reader.
 */

/**
 * A condition on a row of `goals` under the given alias: nothing for family and community members; for staff the
 * district's and schools' goals, the goals of teams they work in (members other than guests, facilitators, leaders
 * of one of the team's schools, district leaders), and individual goals they own or lead the owner at a school.
 */
export function isVisibleGoal(actor: Actor, alias = "g"): SQL {
  if (!isStaff(actor)) return sql`false`;
  const g = sql.identifier(alias);
  const inDistrict = sql`${g}.district_id = ${actor.districtId}`;
  if (isDistrictLeader(actor)) return inDistrict;
  const led = [...schoolsLed(actor)];
  const teamLed =
    led.length > 0
      ? sql`or exists (select 1 from community_schools cs
                        where cs.community_id = ${g}.community_id and cs.school_id = any(${uuidArray(led)}))`
      : sql``;
  const ownerLed =
    led.length > 0
      ? sql`or exists (select 1 from role_assignments ra
                        where ra.person_id = ${g}.owner_id and ra.school_id = any(${uuidArray(led)}))`
      : sql``;
  return sql`(${inDistrict} and (
    ${g}.level in ('district', 'school')
    or ${g}.owner_id = ${actor.personId}
    or (${g}.level = 'team' and (exists (select 1 from community_members cm
                                          where cm.community_id = ${g}.community_id and cm.person_id = ${actor.personId}
                                            and cm.team_role <> 'guest') ${teamLed}))
    or (${g}.level = 'individual' and (false ${ownerLed}))))`;
}
