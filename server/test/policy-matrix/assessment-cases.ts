import type { RoleName } from "../../../contract/people";
import { buildAssessment, buildClass, buildEssentialStandard, buildStudent } from "../evidence-factories";
import type { TestPerson } from "../factories";
import { type Case, COMMUNITY_CONTRIBUTORS, COMMUNITY_READERS, type Ctx, type Targets } from "./matrix-context";

type Fixture = {
  classId: string;
  studentId: string;
  sourcedId: string;
  targetId: string;
  assessmentId: string;
  itemId: string;
};

const built = new WeakMap<Targets, Promise<Fixture>>();

/**
 * In each district: a class of the community taught by one of its teachers (in the own district, the
 * signed-in teacher), a student in it, an essential standard with one target, and an assessment on it.
 */
export function assessmentFixture(c: Ctx, targets: Targets): Promise<Fixture> {
  let fixture = built.get(targets);
  if (!fixture) {
    fixture = buildFixture(c, targets);
    built.set(targets, fixture);
  }
  return fixture;
}

async function buildFixture(c: Ctx, targets: Targets): Promise<Fixture> {
  const teacher = targets === c.own ? (c.members.get("teacher") as TestPerson) : targets.teacher;
  const classId = (await buildClass(c.db, targets.district, { teacherIds: [teacher.id] })).id;
  const student = await buildStudent(c.db, targets.district, { classIds: [classId] });
  const assessment = await freshAssessment(c, targets, classId);
  return { classId, studentId: student.id, sourcedId: student.sourcedId as string, ...assessment };
}

async function freshAssessment(c: Ctx, targets: Targets, classId?: string, status?: "closed") {
  const essential = await buildEssentialStandard(c.db, targets.district, { communityId: targets.communityId });
  const targetId = essential.targets[0]?.id as string;
  const assessment = await buildAssessment(c.db, targets.district, {
    communityId: targets.communityId,
    classIds: classId ? [classId] : [],
    ...(status ? { status } : {}),
    items: [{ label: "Q1", maxPoints: 4, targetIds: [targetId] }],
  });
  return { assessmentId: assessment.id, targetId, itemId: assessment.items[0]?.id as string };
}

// Assessments are the team's staff's work: members other than guests, and the leaders accountable for it.
const TEAM_STAFF: RoleName[] = COMMUNITY_CONTRIBUTORS;

/** One case aimed at the shared assessment of each district (or a fresh one) with a payload built from it. */
function onAssessment(
  path: string,
  allowed: readonly RoleName[],
  payload?: (f: Fixture) => unknown,
  options: { isFresh?: boolean; isClosed?: boolean } = {},
): Case {
  const request = async (c: Ctx, targets: Targets) => {
    const shared = await assessmentFixture(c, targets);
    const status = options.isClosed ? "closed" : undefined;
    const f =
      options.isFresh || options.isClosed
        ? { ...shared, ...(await freshAssessment(c, targets, shared.classId, status)) }
        : shared;
    return { url: `/api/v1/assessments/${f.assessmentId}${path}`, ...(payload ? { payload: payload(f) } : {}) };
  };
  return { allowed, own: (c) => request(c, c.own), other: (c) => request(c, c.other) };
}

const csvOf = (f: Fixture) => `sourcedId,Q1\r\n${f.sourcedId},3\r\n`;

/** Common formative assessments: the team's list, the builder, and results (grid and CSV). */
export const assessmentCases: Record<string, Case> = {
  "GET /api/v1/communities/:id/assessments": {
    allowed: COMMUNITY_READERS,
    own: (c) => ({ url: `/api/v1/communities/${c.own.communityId}/assessments` }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/assessments` }),
  },
  "POST /api/v1/communities/:id/assessments": {
    allowed: TEAM_STAFF,
    own: (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/assessments`,
      payload: { title: `CFA ${c.unique()}` },
    }),
    other: (c) => ({ url: `/api/v1/communities/${c.other.communityId}/assessments`, payload: { title: "CFA" } }),
  },
  "GET /api/v1/assessments/:id": onAssessment("", TEAM_STAFF),
  "PATCH /api/v1/assessments/:id": onAssessment("", TEAM_STAFF, () => ({ status: "open" })),
  "DELETE /api/v1/assessments/:id": onAssessment("", TEAM_STAFF, undefined, { isFresh: true }),
  "PUT /api/v1/assessments/:id/items": onAssessment(
    "/items",
    TEAM_STAFF,
    (f) => ({ items: [{ id: f.itemId, label: "Q1", maxPoints: 4, targetIds: [f.targetId] }] }),
    { isFresh: true },
  ),
  "PUT /api/v1/assessments/:id/targets": onAssessment("/targets", TEAM_STAFF, (f) => ({
    targets: [{ targetId: f.targetId, cutScores: [0, 1, 2, 4].map((minPoints, i) => ({ level: i + 1, minPoints })) }],
  })),
  "PUT /api/v1/assessments/:id/classes": onAssessment("/classes", TEAM_STAFF, (f) => ({ classIds: [f.classId] })),
  "GET /api/v1/assessments/:id/results": onAssessment("/results", TEAM_STAFF),
  "PUT /api/v1/assessments/:id/results": onAssessment("/results", TEAM_STAFF, (f) => ({
    rows: [{ studentId: f.studentId, status: "completed", scores: { [f.itemId]: 3 } }],
  })),
  "POST /api/v1/assessments/:id/results/csv-preview": onAssessment("/results/csv-preview", TEAM_STAFF, (f) => ({
    csv: csvOf(f),
  })),
  "POST /api/v1/assessments/:id/results/csv": onAssessment("/results/csv", TEAM_STAFF, (f) => ({
    csv: csvOf(f),
    mapping: { studentColumn: "sourcedId", studentKey: "sourcedId", itemColumns: { Q1: f.itemId } },
  })),
  // Re-applying the current scale is offered on closed assessments only: each case closes a fresh one.
  "GET /api/v1/assessments/:id/scale-reapplication": onAssessment("/scale-reapplication", TEAM_STAFF, undefined, {
    isClosed: true,
  }),
  "POST /api/v1/assessments/:id/scale-reapplication": onAssessment("/scale-reapplication", TEAM_STAFF, undefined, {
    isClosed: true,
  }),
};
