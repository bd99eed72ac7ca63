import {
  type Case,
  COMMUNITY_CONTRIBUTORS,
  COMMUNITY_MANAGERS,
  COMMUNITY_PARTICIPANTS,
  COMMUNITY_READERS,
  STAFF,
} from "./matrix-context";

const step = { title: "Go", minutes: 5, roles: [], prompts: [] };

/** Communities, norms, meetings, action items, protocols, summaries and calendar feeds. */
export const communityCases: Record<string, Case> = {
  "GET /api/v1/communities": {
    allowed: "all",
    own: () => ({ url: "/api/v1/communities?pageSize=200" }),
    leakCheck: (c) => c.other.communityId,
  },
  "POST /api/v1/communities": {
    allowed: STAFF,
    own: (c) => ({
      url: "/api/v1/communities",
      payload: { name: `Team ${c.unique()}`, kind: "vertical", schoolIds: [c.own.district.schools.high.id] },
    }),
    other: (c) => ({
      url: "/api/v1/communities",
      payload: { name: `Team ${c.unique()}`, kind: "vertical", schoolIds: [c.other.district.schools.high.id] },
    }),
  },
  "GET /api/v1/communities/:id": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}` }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}` }),
  },
  "PATCH /api/v1/communities/:id": {
    allowed: COMMUNITY_MANAGERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}`, payload: { purpose: "Our purpose" } }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}`, payload: { purpose: "x" } }),
  },
  // A member's own choice to share their students: staff members other than guests (not the family member).
  // It keeps the choice they made (true), which the student cases rely on.
  "PUT /api/v1/communities/:id/student-sharing": {
    allowed: ["coach", "teacher"],
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/student-sharing`,
      payload: { sharesStudents: true },
    }),
    other: (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/student-sharing`,
      payload: { sharesStudents: true },
    }),
  },
  // Approving sharing in a team: district leaders, and leaders of every one of its schools (here: its only one).
  "PUT /api/v1/communities/:id/student-sharing-approval": {
    allowed: ["district_leader", "school_leader"],
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/student-sharing-approval`,
      payload: { approved: false },
    }),
    other: (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/student-sharing-approval`,
      payload: { approved: false },
    }),
  },
  "POST /api/v1/communities/:id/members": {
    allowed: COMMUNITY_MANAGERS,
    own: async (c) => {
      const { buildPerson } = await import("../factories");
      const person = await buildPerson(c.db, c.own.district, "teacher");
      return { url: `/api/v1/communities/${c.own.communityId}/members`, payload: { personId: person.id } };
    },
    other: (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/members`,
      payload: { personId: c.other.teacher.id },
    }),
  },
  "PATCH /api/v1/communities/:id/members/:personId": {
    allowed: COMMUNITY_MANAGERS,
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/members/${c.own.teacher.id}`,
      payload: { teamRole: "member" },
    }),
    other: (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/members/${c.other.teacher.id}`,
      payload: { teamRole: "member" },
    }),
  },
  "DELETE /api/v1/communities/:id/members/:personId": {
    allowed: COMMUNITY_MANAGERS,
    own: async (c) => ({ url: `/api/v1/communities/${c.own.communityId}/members/${await c.freshMember(c.own)}` }),
    other: async (c) => ({ url: `/api/v1/communities/${c.other.communityId}/members/${await c.freshMember(c.other)}` }),
  },
  "GET /api/v1/communities/:id/norms": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}/norms` }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/norms` }),
  },
  "PUT /api/v1/communities/:id/norms": {
    allowed: COMMUNITY_MANAGERS,
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/norms`,
      payload: { norms: ["Start on time", "Assume good intent"] },
    }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/norms`, payload: { norms: ["x"] } }),
  },
  "POST /api/v1/communities/:id/norms/agree": {
    allowed: COMMUNITY_PARTICIPANTS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}/norms/agree` }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/norms/agree` }),
  },
  "GET /api/v1/communities/:id/checkins": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}/checkins` }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/checkins` }),
  },
  "POST /api/v1/communities/:id/checkins": {
    allowed: COMMUNITY_MANAGERS,
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/checkins`,
      payload: { opensOn: "2027-01-04", closesOn: "2027-01-08" },
    }),
    other: (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/checkins`,
      payload: { opensOn: "2027-01-04", closesOn: "2027-01-08" },
    }),
  },
  "POST /api/v1/communities/:id/checkins/:checkinId/responses": {
    allowed: COMMUNITY_PARTICIPANTS,
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/checkins/${c.own.checkinId}/responses`,
      payload: { ratings: [4, 3] },
    }),
    other: (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/checkins/${c.other.checkinId}/responses`,
      payload: { ratings: [4, 3] },
    }),
  },
  "GET /api/v1/communities/:id/meetings": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}/meetings` }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/meetings` }),
  },
  "POST /api/v1/communities/:id/meetings": {
    allowed: COMMUNITY_MANAGERS,
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/meetings`,
      payload: { title: "Planning", startsAt: "2027-02-02T15:30", timezone: "America/Chicago", durationMinutes: 45 },
    }),
    other: (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/meetings`,
      payload: { title: "Planning", startsAt: "2027-02-02T15:30", durationMinutes: 45 },
    }),
  },
  "GET /api/v1/meetings/:id": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/meetings/${c.own.meetingId}` }),
    other: (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}` }),
  },
  "PATCH /api/v1/meetings/:id": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: (c) => ({ url: `/api/v1/meetings/${c.own.meetingId}`, payload: { notes: "We looked at the data." } }),
    other: (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}`, payload: { notes: "x" } }),
  },
  "POST /api/v1/meetings/:id/start": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: (c) => ({ url: `/api/v1/meetings/${c.own.meetingId}/start` }),
    other: (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}/start` }),
  },
  "POST /api/v1/meetings/:id/step": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: (c) => ({ url: `/api/v1/meetings/${c.own.meetingId}/step`, payload: { step: 0 } }),
    other: (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}/step`, payload: { step: 0 } }),
  },
  "POST /api/v1/meetings/:id/complete": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: (c) => ({ url: `/api/v1/meetings/${c.own.meetingId}/complete` }),
    other: (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}/complete` }),
  },
  "PUT /api/v1/meetings/:id/attendance": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: (c) => ({
      url: `/api/v1/meetings/${c.own.meetingId}/attendance`,
      payload: { entries: [{ personId: c.own.teacher.id, status: "present" }] },
    }),
    other: (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}/attendance`, payload: { entries: [] } }),
  },
  "POST /api/v1/meetings/:id/decisions": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: (c) => ({ url: `/api/v1/meetings/${c.own.meetingId}/decisions`, payload: { text: "Reteach target 2" } }),
    other: (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}/decisions`, payload: { text: "x" } }),
  },
  "DELETE /api/v1/meetings/:id/decisions/:decisionId": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({ url: `/api/v1/meetings/${c.own.meetingId}/decisions/${await c.freshDecision(c.own)}` }),
    other: async (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}/decisions/${await c.freshDecision(c.other)}` }),
  },
  "GET /api/v1/meetings/:id/summary.pdf": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/meetings/${c.own.meetingId}/summary.pdf` }),
    other: (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}/summary.pdf` }),
  },
  "POST /api/v1/meetings/:id/summary/email": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: (c) => ({ url: `/api/v1/meetings/${c.own.meetingId}/summary/email` }),
    other: (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}/summary/email` }),
  },
  "GET /api/v1/communities/:id/action-items": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}/action-items` }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/action-items` }),
  },
  "POST /api/v1/communities/:id/action-items": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/action-items`,
      payload: { title: "Share the rubric", ownerId: c.own.teacher.id },
    }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/action-items`, payload: { title: "x" } }),
  },
  "PATCH /api/v1/action-items/:id": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: (c) => ({ url: `/api/v1/action-items/${c.own.actionItemId}`, payload: { dueOn: "2027-03-01" } }),
    other: (c) => ({ url: `/api/v1/action-items/${c.other.actionItemId}`, payload: { dueOn: "2027-03-01" } }),
  },
  "GET /api/v1/protocols": { allowed: "all", own: () => ({ url: "/api/v1/protocols" }) },
  "GET /api/v1/communities/:id/protocols": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}/protocols` }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/protocols` }),
  },
  "POST /api/v1/communities/:id/protocols": {
    allowed: COMMUNITY_MANAGERS,
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/protocols`,
      payload: { name: "Our protocol", steps: [step] },
    }),
    other: (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/protocols`,
      payload: { name: "x", steps: [step] },
    }),
  },
  "PUT /api/v1/communities/:id/protocols/:protocolId": {
    allowed: COMMUNITY_MANAGERS,
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/protocols/${c.own.protocolId}`,
      payload: { name: "Our tuning", steps: [step] },
    }),
    other: (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/protocols/${c.other.protocolId}`,
      payload: { name: "x", steps: [step] },
    }),
  },
  "POST /api/v1/me/calendar-feed": { allowed: "all", own: () => ({ url: "/api/v1/me/calendar-feed" }) },
  "GET /api/v1/calendar/:file": { allowed: "public", own: () => ({ url: `/api/v1/calendar/${"z".repeat(43)}.ics` }) },
};
