import { type SQL, sql } from "drizzle-orm";
import { type Actor, isStaff } from "./actor";
import { visibleCommunitiesFilter } from "./community-scope";

/*
 * The SQL side of "thread.read" (rules.ts). Search over discussions selects from `discussion_threads t` under
 * visibleThreadsFilter(actor); thread-scope.test.ts checks that it admits exactly the threads the rule does.
 */

/** The SQL twin of thread.read: the district forum for staff, and the threads of communities one may read. */
export function visibleThreadsFilter(actor: Actor): SQL {
  const forum = isStaff(actor) ? sql`t.community_id is null` : sql`false`;
  return sql`t.district_id = ${actor.districtId} and (${forum} or exists (
    select 1 from communities c where c.id = t.community_id and ${visibleCommunitiesFilter(actor)}))`;
}
