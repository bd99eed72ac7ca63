import type { RoleName } from "../../../contract/people";
import { insertAssessment, insertSitting, insertTarget } from "../analysis-fixture";
import { buildClass, buildStudent, linkFamily } from "../evidence-factories";
import type { TestPerson } from "../factories";
import { type Case, type Ctx, LEADERS, type Targets } from "./matrix-context";

type Evidence = { assessmentId: string; studentId: string; familyName: string };

const built = new WeakMap<Targets, Promise<Evidence>>();

/**
 * In each district: a class at the elementary school taught by the community's teacher (in the own district,
 * the signed-in teacher), a student in it linked to a family member, and a team assessment with one result.
 */
function evidenceOf(c: Ctx, targets: Targets): Promise<Evidence> {
  let evidence = built.get(targets);
  if (!evidence) {
    evidence = buildEvidence(c, targets);
    built.set(targets, evidence);
  }
  return evidence;
}

async function buildEvidence(c: Ctx, targets: Targets): Promise<Evidence> {
  const isOwn = targets === c.own;
  const teacher = isOwn ? (c.members.get("teacher") as TestPerson) : targets.teacher;
  const district = targets.district;
  const classId = (await buildClass(c.db, district, { teacherIds: [teacher.id] })).id;
  const familyName = `Matrix${district.id.slice(0, 8)}`;
  const student = await buildStudent(c.db, district, { classIds: [classId], familyName });
  if (isOwn) await linkFamily(c.db, district, (c.members.get("family_member") as TestPerson).id, student.id);
  const targetId = (await insertTarget(c.db, district, targets.communityId, "MX.1")).id;
  const assessment = await insertAssessment(c.db, district, {
    communityId: targets.communityId,
    classIds: [classId],
    targetIds: [targetId],
    items: [{ maxPoints: 4, correctResponse: "A", targetIndex: 0 }],
  });
  await insertSitting(c.db, district, assessment, {
    studentId: student.id,
    classId,
    status: "completed",
    points: [3],
    responses: ["B"],
  });
  return { assessmentId: assessment.id, studentId: student.id, familyName };
}

// The class teacher and their team (the coach facilitates it), the school's leader, the district's leaders.
const ANALYSTS: RoleName[] = ["district_leader", "school_leader", "coach", "teacher"];
// The same, and the family member linked to the student.
const STUDENT_READERS: RoleName[] = [...ANALYSTS, "family_member"];

function analysisCase(suffix: string): Case {
  return {
    allowed: ANALYSTS,
    own: async (c) => ({ url: `/api/v1/assessments/${(await evidenceOf(c, c.own)).assessmentId}/analysis${suffix}` }),
    other: async (c) => ({
      url: `/api/v1/assessments/${(await evidenceOf(c, c.other)).assessmentId}/analysis${suffix}`,
    }),
  };
}

const otherFamilyName = async (c: Ctx) => (await evidenceOf(c, c.other)).familyName;

/** Team data analysis, the students list and page, and the family view. */
export const analysisCases: Record<string, Case> = {
  "GET /api/v1/assessments/:id/analysis": analysisCase(""),
  "GET /api/v1/assessments/:id/analysis.csv": analysisCase(".csv"),
  "GET /api/v1/assessments/:id/analysis.xlsx": analysisCase(".xlsx"),
  "GET /api/v1/analysis/targets": {
    allowed: LEADERS,
    own: async (c) => {
      await evidenceOf(c, c.other);
      return { url: "/api/v1/analysis/targets" };
    },
    other: (c) => ({ url: `/api/v1/analysis/targets?schoolId=${c.other.district.schools.elementary.id}` }),
  },
  "GET /api/v1/students": {
    allowed: "all",
    own: async (c) => {
      await Promise.all([evidenceOf(c, c.own), evidenceOf(c, c.other)]);
      return { url: "/api/v1/students?pageSize=200" };
    },
    leakCheck: (c) => `Matrix${c.other.district.id.slice(0, 8)}`,
  },
  "GET /api/v1/students/filters": { allowed: "all", own: () => ({ url: "/api/v1/students/filters" }) },
  "GET /api/v1/students/:id": {
    allowed: STUDENT_READERS,
    own: async (c) => ({ url: `/api/v1/students/${(await evidenceOf(c, c.own)).studentId}` }),
    other: async (c) => ({ url: `/api/v1/students/${(await evidenceOf(c, c.other)).studentId}` }),
  },
  "GET /api/v1/family/children": {
    allowed: ["family_member"],
    own: async (c) => {
      await otherFamilyName(c);
      return { url: "/api/v1/family/children" };
    },
    leakCheck: (c) => `Matrix${c.other.district.id.slice(0, 8)}`,
  },
};
