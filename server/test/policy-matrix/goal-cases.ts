import { goals } from "../../db/schema";
import { type Case, COMMUNITY_CONTRIBUTORS, COMMUNITY_MANAGERS, type Ctx, STAFF, type Targets } from "./matrix-context";

/** A fresh team goal of the district's community, owned by that district's teacher. */
async function teamGoal(c: Ctx, targets: Targets): Promise<string> {
  const [goal] = await c.db
    .insert(goals)
    .values({
      districtId: targets.district.id,
      level: "team",
      communityId: targets.communityId,
      ownerId: targets.teacher.id,
      title: `Team goal of ${targets.district.name}`,
      measureKind: "checkin",
      target: 80,
      startsOn: "2026-08-15",
      dueOn: "2027-06-15",
    })
    .returning({ id: goals.id });
  return goal?.id as string;
}

function newTeamGoal(targets: Targets) {
  return {
    url: "/api/v1/goals",
    payload: {
      level: "team",
      title: "Every student reads daily",
      communityId: targets.communityId,
      measure: { kind: "checkin" },
      target: 90,
      startsOn: "2026-08-15",
      dueOn: "2027-06-15",
    },
  };
}

/**
 * Goals: the list and tree are for staff (and never show another district's goals); a team goal is read and
 * checked in on by the team's working members and leaders, set and changed by its facilitator and leaders.
 */
export const goalCases: Record<string, Case> = {
  "GET /api/v1/goals": {
    allowed: STAFF,
    own: async (c) => {
      await teamGoal(c, c.other);
      return { url: "/api/v1/goals" };
    },
    leakCheck: (c) => `Team goal of ${c.other.district.name}`,
  },
  "GET /api/v1/goals/tree": {
    allowed: STAFF,
    own: async (c) => {
      await teamGoal(c, c.other);
      return { url: "/api/v1/goals/tree" };
    },
    leakCheck: (c) => `Team goal of ${c.other.district.name}`,
  },
  "POST /api/v1/goals": {
    allowed: COMMUNITY_MANAGERS,
    own: (c) => newTeamGoal(c.own),
    other: (c) => newTeamGoal(c.other),
  },
  "GET /api/v1/goals/:id": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({ url: `/api/v1/goals/${await teamGoal(c, c.own)}` }),
    other: async (c) => ({ url: `/api/v1/goals/${await teamGoal(c, c.other)}` }),
  },
  "PATCH /api/v1/goals/:id": {
    allowed: COMMUNITY_MANAGERS,
    own: async (c) => ({ url: `/api/v1/goals/${await teamGoal(c, c.own)}`, payload: { title: "Renamed" } }),
    other: async (c) => ({ url: `/api/v1/goals/${await teamGoal(c, c.other)}`, payload: { title: "Renamed" } }),
  },
  "POST /api/v1/goals/:id/checkins": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({
      url: `/api/v1/goals/${await teamGoal(c, c.own)}/checkins`,
      payload: { checkedOn: "2026-10-01", note: "Halfway there" },
    }),
    other: async (c) => ({
      url: `/api/v1/goals/${await teamGoal(c, c.other)}/checkins`,
      payload: { checkedOn: "2026-10-01", note: "Halfway there" },
    }),
  },
};
