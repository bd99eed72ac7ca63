import type { RoleName } from "../../../contract/people";
import { buildClass, buildStudent, linkFamily } from "../evidence-factories";
import type { TestPerson } from "../factories";
import { buildPlan } from "../intervention-factories";
import { type Case, type Ctx, LEADERS, type Targets } from "./matrix-context";

type ReportEvidence = { studentId: string; familyName: string };

const built = new WeakMap<Targets, Promise<ReportEvidence>>();

/**
 * In each district: a student at the elementary school in a class of the community's teacher (in the own
 * district, the signed-in teacher), linked to a family member, with a plan overdue for review.
 */
function evidenceOf(c: Ctx, targets: Targets): Promise<ReportEvidence> {
  let evidence = built.get(targets);
  if (!evidence) {
    evidence = buildEvidence(c, targets);
    built.set(targets, evidence);
  }
  return evidence;
}

async function buildEvidence(c: Ctx, targets: Targets): Promise<ReportEvidence> {
  const isOwn = targets === c.own;
  const teacher = isOwn ? (c.members.get("teacher") as TestPerson) : targets.teacher;
  const district = targets.district;
  const classId = (await buildClass(c.db, district, { teacherIds: [teacher.id] })).id;
  const familyName = `Report${district.id.slice(0, 8)}`;
  const student = await buildStudent(c.db, district, { classIds: [classId], familyName });
  if (isOwn) await linkFamily(c.db, district, (c.members.get("family_member") as TestPerson).id, student.id);
  await buildPlan(c.db, district, {
    studentId: student.id,
    communityId: targets.communityId,
    startDate: "2025-09-01",
    reviewDate: "2025-10-01",
  });
  return { studentId: student.id, familyName };
}

// The student's teacher and their team (the coach facilitates it), the school's leader and the district's
// leaders: the staff who read the JSON history (student.readPlans). The linked family uses the family view.
const HISTORY_READERS: RoleName[] = ["district_leader", "school_leader", "coach", "teacher"];

function reportCase(suffix: string): Case {
  return {
    allowed: LEADERS,
    own: async (c) => {
      await Promise.all([evidenceOf(c, c.own), evidenceOf(c, c.other)]);
      return { url: `/api/v1/reports/interventions${suffix}?from=2025-08-01&to=2025-12-31` };
    },
    other: (c) => ({
      url: `/api/v1/reports/interventions${suffix}?schoolId=${c.other.district.schools.elementary.id}`,
    }),
    leakCheck: (c) => `Report${c.other.district.id.slice(0, 8)}`,
  };
}

/** The evaluation of professional learning: team figures for the same leaders; another district's school is not found. */
function learningCase(suffix: string): Case {
  return {
    allowed: LEADERS,
    own: () => ({ url: `/api/v1/reports/learning${suffix}?from=2025-08-01&to=2025-12-31` }),
    other: (c) => ({ url: `/api/v1/reports/learning${suffix}?schoolId=${c.other.district.schools.elementary.id}` }),
  };
}

/** Intervention reports and the evaluation of professional learning for leaders, and a student's printable support history. */
export const reportCases: Record<string, Case> = {
  "GET /api/v1/reports/interventions": reportCase(""),
  "GET /api/v1/reports/interventions.csv": reportCase(".csv"),
  "GET /api/v1/reports/interventions.xlsx": reportCase(".xlsx"),
  "GET /api/v1/reports/interventions.pdf": reportCase(".pdf"),
  "GET /api/v1/reports/learning": learningCase(""),
  "GET /api/v1/reports/learning.csv": learningCase(".csv"),
  "GET /api/v1/reports/learning.xlsx": learningCase(".xlsx"),
  "GET /api/v1/reports/learning.pdf": learningCase(".pdf"),
  "GET /api/v1/students/:id/intervention-history.pdf": {
    allowed: HISTORY_READERS,
    own: async (c) => ({ url: `/api/v1/students/${(await evidenceOf(c, c.own)).studentId}/intervention-history.pdf` }),
    other: async (c) => ({
      url: `/api/v1/students/${(await evidenceOf(c, c.other)).studentId}/intervention-history.pdf`,
    }),
  },
};
