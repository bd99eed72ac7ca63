import type { RoleName } from "../../../contract/people";
import { familyNotes } from "../../db/schema";
import { buildClass, buildStudent, linkFamily } from "../evidence-factories";
import type { TestPerson } from "../factories";
import { buildPlan } from "../intervention-factories";
import { type Case, COMMUNITY_CONTRIBUTORS, COMMUNITY_MANAGERS, type Ctx, STAFF, type Targets } from "./matrix-context";

type ReviewFixture = { studentId: string; planId: string; noteId: string };

const built = new WeakMap<Targets, Promise<ReviewFixture>>();

/**
 * In each district: a student in a class of the community's teacher (in the own district, the signed-in
 * teacher), linked to the family member in the own district, with an active plan of the community and a
 * note from family.
 */
function fixtureOf(c: Ctx, targets: Targets): Promise<ReviewFixture> {
  let fixture = built.get(targets);
  if (!fixture) {
    fixture = buildFixture(c, targets);
    built.set(targets, fixture);
  }
  return fixture;
}

async function buildFixture(c: Ctx, targets: Targets): Promise<ReviewFixture> {
  const isOwn = targets === c.own;
  const district = targets.district;
  const teacher = isOwn ? (c.members.get("teacher") as TestPerson) : targets.teacher;
  const classId = (await buildClass(c.db, district, { teacherIds: [teacher.id] })).id;
  const student = await buildStudent(c.db, district, { classIds: [classId], familyName: "Reviewed" });
  if (isOwn) await linkFamily(c.db, district, (c.members.get("family_member") as TestPerson).id, student.id);
  const plan = await buildPlan(c.db, district, { studentId: student.id, communityId: targets.communityId });
  const [note] = await c.db
    .insert(familyNotes)
    .values({ districtId: district.id, studentId: student.id, body: `Note from ${district.name}` })
    .returning();
  return { studentId: student.id, planId: plan.id, noteId: note?.id as string };
}

// Staff who read the student and work on the team: the class teacher, the coach facilitating the teacher's
// team, the school's leader and the district's leaders.
const PLAN_WORKERS: RoleName[] = ["district_leader", "school_leader", "coach", "teacher"];

function onFixture(
  path: (f: ReviewFixture, t: Targets) => string,
  allowed: readonly RoleName[],
  payload?: unknown,
): Case {
  const req = async (c: Ctx, targets: Targets) => ({
    url: `/api/v1${path(await fixtureOf(c, targets), targets)}`,
    ...(payload !== undefined ? { payload } : {}),
  });
  return { allowed, own: (c) => req(c, c.own), other: (c) => req(c, c.other) };
}

const DECISION = { decision: "continue", reason: "Keep going", nextReviewDate: "2099-01-15" };

/** Team student review, decisions on plans, "not yet responded to", family voice and the family view. */
export const reviewCases: Record<string, Case> = {
  "GET /api/v1/communities/:id/review": onFixture(
    (_, t) => `/communities/${t.communityId}/review?all=true`,
    COMMUNITY_CONTRIBUTORS,
  ),
  "GET /api/v1/communities/:id/not-yet-responded": onFixture(
    (_, t) => `/communities/${t.communityId}/not-yet-responded`,
    COMMUNITY_CONTRIBUTORS,
  ),
  "PATCH /api/v1/communities/:id/response-days": onFixture(
    (_, t) => `/communities/${t.communityId}/response-days`,
    COMMUNITY_MANAGERS,
    { responseDays: 5 },
  ),
  "POST /api/v1/plans/:id/decisions": onFixture((f) => `/plans/${f.planId}/decisions`, PLAN_WORKERS, DECISION),
  "GET /api/v1/plans/:id/decisions": onFixture((f) => `/plans/${f.planId}/decisions`, PLAN_WORKERS),
  "GET /api/v1/family/children/:id/support": onFixture(
    (f) => `/family/children/${f.studentId}/support`,
    ["family_member"],
  ),
  "POST /api/v1/family/children/:id/notes": onFixture(
    (f) => `/family/children/${f.studentId}/notes`,
    ["family_member"],
    { body: "Thank you" },
  ),
  "GET /api/v1/students/:id/family-notes": onFixture((f) => `/students/${f.studentId}/family-notes`, PLAN_WORKERS),
  "POST /api/v1/family-notes/:id/acknowledge": onFixture((f) => `/family-notes/${f.noteId}/acknowledge`, PLAN_WORKERS),
  "POST /api/v1/family-notes/:id/replies": onFixture((f) => `/family-notes/${f.noteId}/replies`, PLAN_WORKERS, {
    body: "Thank you for writing.",
    language: "en",
  }),
  // Every staff member has an inbox; it lists only the notes of students they may read (never another district's).
  "GET /api/v1/family-notes": {
    allowed: STAFF,
    own: async (c) => {
      await fixtureOf(c, c.other);
      return { url: "/api/v1/family-notes" };
    },
    leakCheck: (c) => `Note from ${c.other.district.name}`,
  },
};
