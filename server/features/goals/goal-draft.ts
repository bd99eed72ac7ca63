import { sql } from "drizzle-orm";
import type { GoalLevel } from "../../../contract/goals";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import { invalid, notFound } from "../../errors";
import type { Actor } from "../../policy/actor";
import { can } from "../../policy/authorize";
import type { GoalDraft } from "../../policy/rules";
import { findCommunity } from "../communities/communities.queries";
import { findDistrictSchool, findPersonSchoolIds, goalTarget, listGoals } from "./goals.queries";

/** Which levels a goal may serve: one above, or a school goal serving the district's. */
export const SERVES: Record<GoalLevel, readonly GoalLevel[]> = {
  district: [],
  school: ["district"],
  team: ["school", "district"],
  individual: ["team", "school"],
};

type DraftInput = {
  level: GoalLevel;
  schoolId: string | null;
  communityId: string | null;
  ownerId: string | null;
};

/**
 * The draft "goal.create" judges, from the input: its school and team must be the district's (else 404), its
 * owner an active person of the district (else a problem on the field). A school goal's school, a team goal's team; the owner is the author when not named.
 */
export async function loadGoalDraft(db: Db, actor: Actor, input: DraftInput): Promise<GoalDraft> {
  const ownerId = input.ownerId ?? actor.personId;
  const ownerSchoolIds = await findPersonSchoolIds(db, actor.districtId, ownerId);
  if (ownerSchoolIds === null)
    invalid("Choose an active colleague.", [{ pointer: "/body/ownerId", detail: "Unknown person." }]);
  const schoolId = input.level === "school" ? input.schoolId : null;
  // Another district's school or team is not known here: 404, as for any other thing one may not see.
  if (schoolId !== null && !(await findDistrictSchool(db, actor.districtId, schoolId))) notFound("school");
  const communityId = input.level === "team" ? input.communityId : null;
  const community = communityId === null ? null : await findCommunity(db, communityId);
  if (communityId !== null && (!community || community.districtId !== actor.districtId)) notFound("community");
  return {
    districtId: actor.districtId,
    level: input.level,
    ownerId,
    ownerSchoolIds,
    schoolId,
    community: community
      ? { id: community.id, districtId: community.districtId, schoolIds: community.schoolIds }
      : null,
  };
}

/**
 * Checks the goals a goal is to serve: goals the actor may read, not archived, of a level this one may serve
 * (SERVES), and none already beneath this goal (a link may not close a loop). Problems land on servesGoalIds.
 */
export async function checkServedGoals(
  db: Db,
  actor: Actor,
  goal: { id: string | null; level: GoalLevel },
  servesGoalIds: readonly string[],
): Promise<void> {
  if (servesGoalIds.length === 0) return;
  const found = new Map((await listGoals(db, { ids: servesGoalIds })).map((g) => [g.id, g]));
  const beneath = goal.id === null ? new Set<string>() : await findGoalsBeneath(db, goal.id);
  const problems = servesGoalIds.flatMap((id, i) => {
    const served = found.get(id);
    const pointer = `/body/servesGoalIds/${i}`;
    if (!served || served.archived || !can(actor, "goal.read", goalTarget(served))) {
      return [{ pointer, detail: "Choose a goal you can see." }];
    }
    if (!SERVES[goal.level].includes(served.level)) {
      return [{ pointer, detail: `A ${goal.level} goal cannot serve a ${served.level} goal.` }];
    }
    if (id === goal.id || beneath.has(id)) return [{ pointer, detail: "This goal already serves this one." }];
    return [];
  });
  if (problems.length) invalid("Some goals cannot be served by this one.", problems);
}

/** Every goal that serves this one, directly or through others. */
async function findGoalsBeneath(db: Db, goalId: string): Promise<Set<string>> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive beneath(id) as (
      select goal_id from goal_links where serves_goal_id = ${goalId}
      union
      select l.goal_id from goal_links l join beneath b on l.serves_goal_id = b.id)
    select id from beneath`);
  return new Set(result.rows.map((row) => row.id));
}

/** Replaces the goals a goal serves. */
export async function replaceGoalLinks(db: Db, districtId: string, goalId: string, servesGoalIds: readonly string[]) {
  await db.execute(sql`delete from goal_links where goal_id = ${goalId}`);
  if (servesGoalIds.length === 0) return;
  await db.execute(sql`
    insert into goal_links (district_id, goal_id, serves_goal_id)
    select ${districtId}, ${goalId}, x from unnest(${uuidArray([...new Set(servesGoalIds)])}) as x`);
}
