import type { RoleName } from "../../../contract/people";
import { buildClass, buildStudent, linkFamily } from "../evidence-factories";
import type { TestPerson } from "../factories";
import { buildGroup, buildPlan } from "../intervention-factories";
import { type Case, COMMUNITY_CONTRIBUTORS, COMMUNITY_READERS, type Ctx, type Targets } from "./matrix-context";

type Support = { studentId: string; groupId: string; planId: string; groupName: string };

const built = new WeakMap<Targets, Promise<Support>>();

/**
 * In each district: a student in a class taught by the community's teacher (in the own district, the
 * signed-in teacher), linked to the family member, in a group of the community with an active plan.
 */
function supportOf(c: Ctx, targets: Targets): Promise<Support> {
  let support = built.get(targets);
  if (!support) {
    support = buildSupport(c, targets);
    built.set(targets, support);
  }
  return support;
}

async function buildSupport(c: Ctx, targets: Targets): Promise<Support> {
  const isOwn = targets === c.own;
  const teacher = isOwn ? (c.members.get("teacher") as TestPerson) : targets.teacher;
  const district = targets.district;
  const classId = (await buildClass(c.db, district, { teacherIds: [teacher.id] })).id;
  const student = await buildStudent(c.db, district, { classIds: [classId] });
  if (isOwn) await linkFamily(c.db, district, (c.members.get("family_member") as TestPerson).id, student.id);
  const groupName = `MatrixGroup${district.id.slice(0, 8)}`;
  const group = await buildGroup(c.db, district, { communityId: targets.communityId, name: groupName });
  const plan = await buildPlan(c.db, district, {
    studentId: student.id,
    communityId: targets.communityId,
    groupId: group.id,
  });
  return { studentId: student.id, groupId: group.id, planId: plan.id, groupName };
}

// Staff who may read the student: the district's and the school's leaders, the class teacher and their team's coach.
const PLAN_READERS: RoleName[] = ["district_leader", "school_leader", "coach", "teacher"];

const delivery = {
  focus: "Main idea",
  startDate: "2026-09-01",
  reviewDate: "2026-10-06",
  goalDate: "2026-10-27",
  measure: "Words correct per minute",
  baseline: 40,
  goal: 70,
};

function onGroup(suffix: string, payload?: (support: Support) => unknown): Pick<Case, "own" | "other"> {
  const req = async (c: Ctx, targets: Targets) => {
    const support = await supportOf(c, targets);
    return {
      url: `/api/v1/intervention-groups/${support.groupId}${suffix}`,
      ...(payload ? { payload: payload(support) } : {}),
    };
  };
  return { own: (c) => req(c, c.own), other: (c) => req(c, c.other) };
}

function onPlan(suffix: string, payload?: unknown): Pick<Case, "own" | "other"> {
  const req = async (c: Ctx, targets: Targets) => ({
    url: `/api/v1/plans/${(await supportOf(c, targets)).planId}${suffix}`,
    ...(payload ? { payload } : {}),
  });
  return { own: (c) => req(c, c.own), other: (c) => req(c, c.other) };
}

/** Intervention and extension groups, students' plans, progress monitoring and sessions. */
export const interventionCases: Record<string, Case> = {
  "GET /api/v1/communities/:id/intervention-groups": {
    allowed: COMMUNITY_READERS,
    own: async (c) => {
      await supportOf(c, c.own);
      return { url: `/api/v1/communities/${c.own.communityId}/intervention-groups` };
    },
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/intervention-groups` }),
  },
  "POST /api/v1/communities/:id/intervention-groups": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/intervention-groups`,
      payload: {
        kind: "intervention",
        name: `Group ${c.unique()}`,
        ...delivery,
        students: [{ studentId: (await supportOf(c, c.own)).studentId }],
      },
    }),
    other: async (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/intervention-groups`,
      payload: {
        kind: "intervention",
        name: `Group ${c.unique()}`,
        ...delivery,
        students: [{ studentId: (await supportOf(c, c.other)).studentId }],
      },
    }),
  },
  "GET /api/v1/intervention-groups": {
    allowed: "all",
    own: async (c) => {
      await Promise.all([supportOf(c, c.own), supportOf(c, c.other)]);
      return { url: "/api/v1/intervention-groups?mine=true" };
    },
    leakCheck: (c) => `MatrixGroup${c.other.district.id.slice(0, 8)}`,
  },
  "GET /api/v1/intervention-groups/:id": { allowed: COMMUNITY_CONTRIBUTORS, ...onGroup("") },
  "PATCH /api/v1/intervention-groups/:id": {
    allowed: COMMUNITY_CONTRIBUTORS,
    ...onGroup("", () => ({ schedule: "Mondays" })),
  },
  "POST /api/v1/intervention-groups/:id/progress": {
    allowed: COMMUNITY_CONTRIBUTORS,
    ...onGroup("/progress", (s) => ({ measuredOn: "2026-09-08", scores: [{ planId: s.planId, score: 42 }] })),
  },
  "POST /api/v1/intervention-groups/:id/sessions": {
    allowed: COMMUNITY_CONTRIBUTORS,
    ...onGroup("/sessions", (s) => ({
      sessionOn: "2026-09-02",
      attendance: [{ planId: s.planId, attendance: "present" }],
    })),
  },
  "GET /api/v1/students/:id/plans": {
    allowed: PLAN_READERS,
    own: async (c) => ({ url: `/api/v1/students/${(await supportOf(c, c.own)).studentId}/plans` }),
    other: async (c) => ({ url: `/api/v1/students/${(await supportOf(c, c.other)).studentId}/plans` }),
  },
  "POST /api/v1/students/:id/plans": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({
      url: `/api/v1/students/${(await supportOf(c, c.own)).studentId}/plans`,
      payload: { communityId: c.own.communityId, kind: "extension", ...delivery },
    }),
    other: async (c) => ({
      url: `/api/v1/students/${(await supportOf(c, c.other)).studentId}/plans`,
      payload: { communityId: c.other.communityId, kind: "extension", ...delivery },
    }),
  },
  "GET /api/v1/plans/:id": { allowed: PLAN_READERS, ...onPlan("") },
  "PATCH /api/v1/plans/:id": { allowed: PLAN_READERS, ...onPlan("", { schedule: "Tuesdays" }) },
  "POST /api/v1/plans/:id/progress": {
    allowed: PLAN_READERS,
    ...onPlan("/progress", { measuredOn: "2026-09-15", score: 44 }),
  },
  "POST /api/v1/plans/:id/sessions": {
    allowed: PLAN_READERS,
    ...onPlan("/sessions", { sessionOn: "2026-09-04", attendance: "absent" }),
  },
};
