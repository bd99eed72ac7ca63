import { cycleLearningNeeds } from "../../db/schema";
import { buildLevelAssessment, insertCycle } from "../cycle-factories";
import {
  type Case,
  COMMUNITY_CONTRIBUTORS,
  COMMUNITY_MANAGERS,
  COMMUNITY_READERS,
  type Ctx,
  STAFF,
  type Targets,
} from "./matrix-context";

/** A fresh cycle of the district's community (fresh, so one role's change does not meet the next). */
async function cycleOf(c: Ctx, targets: Targets): Promise<string> {
  return (await insertCycle(c.db, targets.district, targets.communityId, { title: `Cycle ${c.unique()}` })).id;
}

async function assessmentOf(targets: Targets, c: Ctx): Promise<string> {
  return (await buildLevelAssessment(c.db, targets.district, targets.communityId, [])).id;
}

async function needOf(c: Ctx, targets: Targets): Promise<{ cycleId: string; needId: string }> {
  const cycleId = await cycleOf(c, targets);
  const [row] = await c.db
    .insert(cycleLearningNeeds)
    .values({ districtId: targets.district.id, cycleId, need: "Number lines" })
    .returning({ id: cycleLearningNeeds.id });
  return { cycleId, needId: row?.id as string };
}

function onCycle(allowed: Case["allowed"], path: string, payload?: unknown): Case {
  return {
    allowed,
    own: async (c) => ({ url: `/api/v1/cycles/${await cycleOf(c, c.own)}${path}`, payload }),
    other: async (c) => ({ url: `/api/v1/cycles/${await cycleOf(c, c.other)}${path}`, payload }),
  };
}

function onNeed(payload?: unknown): Case {
  const url = ({ cycleId, needId }: { cycleId: string; needId: string }) =>
    `/api/v1/cycles/${cycleId}/learning-needs/${needId}`;
  return {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({ url: url(await needOf(c, c.own)), payload }),
    other: async (c) => ({ url: url(await needOf(c, c.other)), payload }),
  };
}

/**
 * Improvement cycles: the team's staff (its working members and its leaders) read and work on them, its
 * facilitator and leaders steer them; the family member on the team, a guest, never sees one. The district's
 * staff read the record of finished cycles.
 */
export const cycleCases: Record<string, Case> = {
  "GET /api/v1/cycles": { allowed: "all", own: () => ({ url: "/api/v1/cycles" }) },
  "GET /api/v1/cycles/record": { allowed: STAFF, own: () => ({ url: "/api/v1/cycles/record?q=cycle" }) },
  "GET /api/v1/communities/:id/cycles": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}/cycles` }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/cycles` }),
  },
  "POST /api/v1/communities/:id/cycles": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/cycles`,
      payload: { title: "Fractions", startsOn: "2030-09-01", baselineAssessmentIds: [await assessmentOf(c.own, c)] },
    }),
    other: async (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/cycles`,
      payload: { title: "Fractions", startsOn: "2030-09-01", baselineAssessmentIds: [await assessmentOf(c.other, c)] },
    }),
  },
  "GET /api/v1/cycles/:id": onCycle(COMMUNITY_CONTRIBUTORS, ""),
  "PATCH /api/v1/cycles/:id": onCycle(COMMUNITY_MANAGERS, "", { status: "cancelled" }),
  "PATCH /api/v1/cycles/:id/progress": onCycle(COMMUNITY_CONTRIBUTORS, "/progress", { reflection: "It helped." }),
  "PATCH /api/v1/cycles/:id/stages/:stage": onCycle(COMMUNITY_CONTRIBUTORS, "/stages/strategies", {
    notes: "Chose number talks.",
    isComplete: true,
  }),
  "GET /api/v1/cycles/:id/results": onCycle(COMMUNITY_CONTRIBUTORS, "/results"),
  "GET /api/v1/cycles/:id/learning-needs": onCycle(COMMUNITY_CONTRIBUTORS, "/learning-needs"),
  "POST /api/v1/cycles/:id/learning-needs": onCycle(COMMUNITY_CONTRIBUTORS, "/learning-needs", {
    need: "Using number lines",
  }),
  "PATCH /api/v1/cycles/:id/learning-needs/:needId": onNeed({ need: "Number lines past one" }),
  "DELETE /api/v1/cycles/:id/learning-needs/:needId": onNeed(),
  "POST /api/v1/cycles/:id/assessments": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({
      url: `/api/v1/cycles/${await cycleOf(c, c.own)}/assessments`,
      payload: { assessmentId: await assessmentOf(c.own, c) },
    }),
    other: async (c) => ({
      url: `/api/v1/cycles/${await cycleOf(c, c.other)}/assessments`,
      payload: { assessmentId: await assessmentOf(c.other, c) },
    }),
  },
  "DELETE /api/v1/cycles/:id/assessments/:assessmentId": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({
      url: `/api/v1/cycles/${await cycleOf(c, c.own)}/assessments/${await assessmentOf(c.own, c)}`,
    }),
    other: async (c) => ({
      url: `/api/v1/cycles/${await cycleOf(c, c.other)}/assessments/${await assessmentOf(c.other, c)}`,
    }),
  },
};
