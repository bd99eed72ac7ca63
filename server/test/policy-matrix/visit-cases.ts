import { classroomVisits, visitFeedback, visitVisitors } from "../../db/schema";
import type { TestPerson } from "../factories";
import { type Case, type Ctx, LEADERS, STAFF, type Targets } from "./matrix-context";

/**
 * A fresh visit hosted by `host` with `visitor` invited, in the district's community, with one piece of
 * feedback, shared with the team or not. In the own district the signed-in teacher hosts and the coach visits.
 */
async function visitIn(
  c: Ctx,
  targets: Targets,
  host: TestPerson,
  visitor: TestPerson,
  isSharedWithTeam = false,
): Promise<{ visitId: string; feedbackId: string }> {
  const [visit] = await c.db
    .insert(classroomVisits)
    .values({
      districtId: targets.district.id,
      hostId: host.id,
      focus: "Partner talk",
      communityId: targets.communityId,
    })
    .returning({ id: classroomVisits.id });
  const visitId = visit?.id as string;
  await c.db.insert(visitVisitors).values({ districtId: targets.district.id, visitId, visitorId: visitor.id });
  const [feedback] = await c.db
    .insert(visitFeedback)
    .values({
      districtId: targets.district.id,
      visitId,
      visitorId: targets.teacher.id,
      observations: "Students talked in pairs.",
      isSharedWithTeam,
    })
    .returning({ id: visitFeedback.id });
  return { visitId, feedbackId: feedback?.id as string };
}

function ownVisit(c: Ctx, isSharedWithTeam = false) {
  const host = c.members.get("teacher") as TestPerson;
  return visitIn(c, c.own, host, c.members.get("coach") as TestPerson, isSharedWithTeam);
}
function otherVisit(c: Ctx) {
  return visitIn(c, c.other, c.other.teacher, c.other.invited);
}

/**
 * Classroom visits: only the host and visitors see one, and the team's staff members once feedback is shared
 * (the read case shares it: the leaders and the family member on the team still may not read it); leaders see counts.
 */
export const visitCases: Record<string, Case> = {
  "GET /api/v1/visits": { allowed: "all", own: () => ({ url: "/api/v1/visits" }) },
  "POST /api/v1/visits": {
    allowed: STAFF,
    own: (c) => ({ url: "/api/v1/visits", payload: { focus: "Exit tickets", visitorIds: [c.own.teacher.id] } }),
    other: (c) => ({ url: "/api/v1/visits", payload: { focus: "Exit tickets", visitorIds: [c.other.teacher.id] } }),
  },
  "GET /api/v1/visits/counts": { allowed: LEADERS, own: () => ({ url: "/api/v1/visits/counts" }) },
  "GET /api/v1/visits/:id": {
    allowed: ["teacher", "coach"],
    own: async (c) => ({ url: `/api/v1/visits/${(await ownVisit(c, true)).visitId}` }),
    other: async (c) => ({ url: `/api/v1/visits/${(await otherVisit(c)).visitId}` }),
  },
  "PATCH /api/v1/visits/:id": {
    allowed: ["teacher"],
    own: async (c) => ({ url: `/api/v1/visits/${(await ownVisit(c)).visitId}`, payload: { status: "scheduled" } }),
    other: async (c) => ({ url: `/api/v1/visits/${(await otherVisit(c)).visitId}`, payload: { status: "scheduled" } }),
  },
  "POST /api/v1/visits/:id/feedback": {
    allowed: ["coach"],
    own: async (c) => ({
      url: `/api/v1/visits/${(await ownVisit(c)).visitId}/feedback`,
      payload: { observations: "Lots of talk." },
    }),
    other: async (c) => ({
      url: `/api/v1/visits/${(await otherVisit(c)).visitId}/feedback`,
      payload: { observations: "x" },
    }),
  },
  "PUT /api/v1/visits/:id/feedback/:feedbackId/sharing": {
    allowed: ["teacher"],
    own: async (c) => {
      const { visitId, feedbackId } = await ownVisit(c);
      return { url: `/api/v1/visits/${visitId}/feedback/${feedbackId}/sharing`, payload: { isSharedWithTeam: true } };
    },
    other: async (c) => {
      const { visitId, feedbackId } = await otherVisit(c);
      return { url: `/api/v1/visits/${visitId}/feedback/${feedbackId}/sharing`, payload: { isSharedWithTeam: true } };
    },
  },
};
