import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildSupport, FamilyNote, FamilyNoteList } from "../../../contract/family-voice";
import type { ReviewList } from "../../../contract/student-review";
import { people } from "../../db/schema";
import { buildClass, buildCommunity, buildStudent, linkFamily } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { buildGroup, buildPlan, buildScores } from "../../test/intervention-factories";
import { createTestApp, sessionHeaders } from "../../test/test-app";
import { progressOf } from "./child-support.queries";

let t: Awaited<ReturnType<typeof createTestApp>>;
let district: TestDistrict;
let teacher: TestPerson;
let family: TestPerson;
let communityId: string;
let childId: string;
let otherChildId: string;
let planId: string;
const GROUP_NAME = "Bluebirds fluency group";
const OTHER_NAME = "Zebedee";

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  family = await buildPerson(t.db, district, "family_member");
  await t.db.update(people).set({ preferredLanguage: "es" }).where(eq(people.id, family.id));
  communityId = (await buildCommunity(t.db, district, [{ personId: teacher.id, teamRole: "facilitator" }])).id;
  const classId = (await buildClass(t.db, district, { teacherIds: [teacher.id] })).id;
  const child = await buildStudent(t.db, district, { classIds: [classId], givenName: "Lucia", familyName: "Ortega" });
  const other = await buildStudent(t.db, district, { classIds: [classId], givenName: OTHER_NAME, familyName: "Quill" });
  childId = child.id;
  otherChildId = other.id;
  await linkFamily(t.db, district, family.id, child.id);
  const group = await buildGroup(t.db, district, { communityId, name: GROUP_NAME, deliveredById: teacher.id });
  const plan = await buildPlan(t.db, district, {
    studentId: child.id,
    communityId,
    groupId: group.id,
    deliveredById: teacher.id,
  });
  planId = plan.id;
  await buildScores(t.db, district, plan.id, [
    { measuredOn: "2026-09-08", score: 41 },
    { measuredOn: "2026-09-15", score: 42 },
    { measuredOn: "2026-09-22", score: 43 },
    { measuredOn: "2026-09-29", score: 44 },
  ]);
  await buildPlan(t.db, district, { studentId: other.id, communityId, groupId: group.id });
});
afterAll(async () => t?.close());

async function request(method: "GET" | "POST", url: string, person: TestPerson, payload?: object) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: await sessionHeaders(t.db, person),
    ...(payload ? { payload } : {}),
  });
}

describe("the family view of support", () => {
  it("shows the child's plan in plain facts, never the group or another student", async () => {
    const response = await request("GET", `/family/children/${childId}/support`, family);
    expect(response.statusCode, response.body).toBe(200);
    const support = response.json<ChildSupport>();
    expect(support.plans).toHaveLength(1);
    expect(support.plans[0]).toMatchObject({ isActive: true, daysPerWeek: 3, progress: "reviewing" });
    expect(support.plans[0]?.deliveredBy).toBe(teacher.displayName);
    expect(response.body).not.toContain(GROUP_NAME);
    expect(response.body).not.toContain(OTHER_NAME);
    const children = await request("GET", "/family/children", family);
    expect(children.body).not.toContain(GROUP_NAME);
    expect(children.body).not.toContain(OTHER_NAME);
  });

  it("answers 404 for another child's support and notes", async () => {
    expect((await request("GET", `/family/children/${otherChildId}/support`, family)).statusCode).toBe(404);
    const note = await request("POST", `/family/children/${otherChildId}/notes`, family, { body: "Hello" });
    expect(note.statusCode).toBe(404);
    expect((await request("GET", `/students/${otherChildId}/family-notes`, family)).statusCode).toBe(404);
  });

  it("says how a plan is going from the trend against the goal", () => {
    const aim = { startDate: "2026-09-01", baseline: 40, goalDate: "2026-10-27", goal: 70 };
    const active = { isActive: true, outcome: null, rulePoints: 4 };
    const onTrack = [
      { measuredOn: "2026-09-08", score: 45 },
      { measuredOn: "2026-09-15", score: 48 },
      { measuredOn: "2026-09-22", score: 53 },
    ];
    // Trend through (7, 45), (14, 48), (21, 53): slope 4/7 a day, 70.67 at day 56, past the goal of 70.
    expect(progressOf(active, aim, onTrack)).toBe("on_track");
    const slow = onTrack.map((p, i) => ({ ...p, score: 44 + i }));
    expect(progressOf(active, aim, slow)).toBe("not_yet_on_track");
    expect(progressOf(active, aim, onTrack.slice(0, 2))).toBe("too_early");
    expect(progressOf({ isActive: false, outcome: "met", rulePoints: 4 }, aim, [])).toBe("met");
  });
});

describe("family voice", () => {
  it("goes from the family to the team's review list and back as acknowledged", async () => {
    const tooLong = await request("POST", `/family/children/${childId}/notes`, family, { body: "x".repeat(2001) });
    expect(tooLong.statusCode).toBe(400);
    const posted = await request("POST", `/family/children/${childId}/notes`, family, {
      body: "Lucía practica la lectura cada noche.",
      planId,
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const note = posted.json<FamilyNote>();
    expect(note).toMatchObject({ language: "es", planId, acknowledgedAt: null });

    const notes = (await request("GET", `/students/${childId}/family-notes`, teacher)).json<FamilyNoteList>();
    expect(notes.items.map((n) => n.body)).toEqual(["Lucía practica la lectura cada noche."]);
    const review = (await request("GET", `/communities/${communityId}/review`, teacher)).json<ReviewList>();
    expect(review.items.find((i) => i.planId === planId)).toMatchObject({
      unacknowledgedNotes: 1,
      latestNote: { id: note.id },
    });

    expect((await request("POST", `/family-notes/${note.id}/acknowledge`, family)).statusCode).toBe(404);
    const acknowledged = await request("POST", `/family-notes/${note.id}/acknowledge`, teacher);
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json<FamilyNote>().acknowledgedBy?.id).toBe(teacher.id);
    const after = (await request("GET", `/communities/${communityId}/review`, teacher)).json<ReviewList>();
    expect(after.items.find((i) => i.planId === planId)?.unacknowledgedNotes).toBe(0);

    const support = (await request("GET", `/family/children/${childId}/support`, family)).json<ChildSupport>();
    expect(support.notes).toMatchObject([{ id: note.id, isAcknowledged: true }]);
  });
});
