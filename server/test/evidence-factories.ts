import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { CutScore } from "../../contract/assessments";
import type { CommunityKind, TeamRole } from "../../contract/communities";
import { DEFAULT_PROFICIENT_LEVEL, DEFAULT_SCALE, type ProficiencyLevel } from "../../contract/essentials";
import { now } from "../clock";
import type { Db } from "../db/client";
import {
  assessmentClasses,
  assessmentItems,
  assessmentSittings,
  assessments,
  assessmentTargets,
  classes,
  classStudents,
  classTeachers,
  communities,
  communityMembers,
  communitySchools,
  essentialStandards,
  familyLinks,
  itemScores,
  itemTargets,
  learningTargets,
  standardFrameworks,
  standards,
  students,
} from "../db/schema";
import { syncAssessmentTargets } from "../features/assessments/sync-targets";
import { recomputeTargetResults } from "../features/assessments/target-results";
import type { TestDistrict } from "./factories";

function suffix(): string {
  return randomBytes(3).toString("hex");
}

/** A class at a school (the elementary unless told otherwise) taught by the given people. */
export async function buildClass(
  db: Db,
  district: TestDistrict,
  options: { schoolId?: string; teacherIds?: string[]; title?: string } = {},
) {
  const [row] = await db
    .insert(classes)
    .values({
      districtId: district.id,
      schoolId: options.schoolId ?? district.schools.elementary.id,
      title: options.title ?? `Class ${suffix()}`,
      sourcedId: `class-${suffix()}`,
    })
    .returning();
  if (!row) throw new Error("no class");
  for (const personId of options.teacherIds ?? []) {
    await db.insert(classTeachers).values({ districtId: district.id, classId: row.id, personId });
  }
  return row;
}

/** A student at a school (the elementary unless told otherwise), enrolled in the given classes. */
export async function buildStudent(
  db: Db,
  district: TestDistrict,
  options: {
    schoolId?: string | null;
    classIds?: string[];
    givenName?: string;
    familyName?: string;
    grade?: string;
  } = {},
) {
  const [row] = await db
    .insert(students)
    .values({
      districtId: district.id,
      schoolId: options.schoolId === undefined ? district.schools.elementary.id : options.schoolId,
      givenName: options.givenName ?? `Student`,
      familyName: options.familyName ?? suffix(),
      grade: options.grade ?? "04",
      sourcedId: `student-${suffix()}`,
    })
    .returning();
  if (!row) throw new Error("no student");
  for (const classId of options.classIds ?? []) {
    await db.insert(classStudents).values({ districtId: district.id, classId, studentId: row.id });
  }
  return row;
}

/** Links a family member to their child. */
export async function linkFamily(db: Db, district: TestDistrict, personId: string, studentId: string) {
  await db.insert(familyLinks).values({ districtId: district.id, personId, studentId });
}

/**
 * A community (a grade-level team at the elementary school unless told otherwise) with the given members.
 * Members share their students as if they had chosen to, unless `sharesStudents: false`.
 */
export async function buildCommunity(
  db: Db,
  district: TestDistrict,
  members: { personId: string; teamRole?: TeamRole; sharesStudents?: boolean }[],
  options: { name?: string; schoolIds?: string[]; kind?: CommunityKind; approvedById?: string } = {},
) {
  const [row] = await db
    .insert(communities)
    .values({
      districtId: district.id,
      name: options.name ?? `Team ${suffix()}`,
      kind: options.kind ?? "grade_level",
      ...(options.approvedById
        ? { studentSharingApprovedById: options.approvedById, studentSharingApprovedAt: now() }
        : {}),
    })
    .returning();
  if (!row) throw new Error("no community");
  for (const schoolId of options.schoolIds ?? [district.schools.elementary.id]) {
    await db.insert(communitySchools).values({ districtId: district.id, communityId: row.id, schoolId });
  }
  for (const member of members) {
    await db.insert(communityMembers).values({
      districtId: district.id,
      communityId: row.id,
      personId: member.personId,
      teamRole: member.teamRole ?? "member",
      sharesStudents: member.sharesStudents ?? true,
    });
  }
  return row;
}

/** A standards framework (as a CASE import would leave it), with no standards yet. */
export async function buildFramework(db: Db, district: TestDistrict, options: { title?: string } = {}) {
  const [row] = await db
    .insert(standardFrameworks)
    .values({
      districtId: district.id,
      caseIdentifier: `framework-${suffix()}`,
      title: options.title ?? "Test standards",
    })
    .returning();
  if (!row) throw new Error("no framework");
  return row;
}

/** A standard in a framework (a new one unless given). */
export async function buildStandard(
  db: Db,
  district: TestDistrict,
  options: { frameworkId?: string; code?: string; statement?: string; grades?: string[] } = {},
) {
  const frameworkId = options.frameworkId ?? (await buildFramework(db, district)).id;
  const code = options.code ?? `RL.4.${suffix()}`;
  const [row] = await db
    .insert(standards)
    .values({
      districtId: district.id,
      frameworkId,
      caseIdentifier: `standard-${suffix()}`,
      humanCodingScheme: code,
      fullStatement: options.statement ?? `Statement of ${code}`,
      educationLevels: options.grades ?? ["04"],
      depth: 2,
    })
    .returning();
  if (!row) throw new Error("no standard");
  return row;
}

/** An essential standard of a team (on a new standard unless given), unpacked into the given targets. */
export async function buildEssentialStandard(
  db: Db,
  district: TestDistrict,
  options: {
    communityId: string;
    standardId?: string;
    unitTitle?: string;
    scaleLevels?: ProficiencyLevel[];
    proficientLevel?: number;
    targets?: string[];
  },
) {
  const standardId = options.standardId ?? (await buildStandard(db, district)).id;
  const [essential] = await db
    .insert(essentialStandards)
    .values({
      districtId: district.id,
      communityId: options.communityId,
      standardId,
      unitTitle: options.unitTitle ?? "Unit 1",
      scaleLevels: options.scaleLevels ?? [...DEFAULT_SCALE],
      proficientLevel: options.proficientLevel ?? DEFAULT_PROFICIENT_LEVEL,
    })
    .returning();
  if (!essential) throw new Error("no essential standard");
  const statements = options.targets ?? ["I can explain the main idea."];
  const targets = statements.length
    ? await db
        .insert(learningTargets)
        .values(
          statements.map((statement, position) => ({
            districtId: district.id,
            standardId,
            communityId: options.communityId,
            essentialStandardId: essential.id,
            statement,
            position,
          })),
        )
        .returning()
    : [];
  return { ...essential, targets };
}

/**
 * A common formative assessment of a team given to the classes, with its items aligned to targets; targets
 * and their cut scores follow as the app builds them (evenly spaced unless `cutScores` names some by target).
 */
export async function buildAssessment(
  db: Db,
  district: TestDistrict,
  options: {
    communityId: string | null;
    classIds: string[];
    items: { label: string; maxPoints: number; targetIds: string[]; correctResponse?: string | null }[];
    title?: string;
    givenOn?: string | null;
    status?: "draft" | "open" | "closed";
    cutScores?: Record<string, CutScore[]>;
  },
) {
  const [assessment] = await db
    .insert(assessments)
    .values({
      districtId: district.id,
      communityId: options.communityId,
      title: options.title ?? `Check ${suffix()}`,
      givenOn: options.givenOn === undefined ? "2030-10-01" : options.givenOn,
      status: options.status ?? "open",
    })
    .returning();
  if (!assessment) throw new Error("no assessment");
  if (options.classIds.length) {
    await db
      .insert(assessmentClasses)
      .values(options.classIds.map((classId) => ({ districtId: district.id, assessmentId: assessment.id, classId })));
  }
  const items = [];
  for (const [position, item] of options.items.entries()) {
    const [row] = await db
      .insert(assessmentItems)
      .values({
        districtId: district.id,
        assessmentId: assessment.id,
        position,
        label: item.label,
        maxPoints: item.maxPoints,
        correctResponse: item.correctResponse ?? null,
      })
      .returning();
    if (!row) throw new Error("no item");
    for (const targetId of item.targetIds) {
      await db.insert(itemTargets).values({ districtId: district.id, itemId: row.id, targetId });
    }
    items.push(row);
  }
  await syncAssessmentTargets(db, assessment.id);
  for (const [targetId, cutScores] of Object.entries(options.cutScores ?? {})) {
    await db
      .update(assessmentTargets)
      .set({ cutScores })
      .where(sql`${assessmentTargets.assessmentId} = ${assessment.id} and ${assessmentTargets.targetId} = ${targetId}`);
  }
  return { ...assessment, items };
}

/**
 * Results of students on an assessment, as the grid records them: a sitting (completed unless told), points
 * by item in the assessment's item order (null = not entered) and responses; then the target results.
 */
export async function buildResults(
  db: Db,
  district: TestDistrict,
  assessment: { id: string; items: { id: string }[] },
  rows: {
    studentId: string;
    status?: "completed" | "absent" | "exempt";
    points?: (number | null)[];
    responses?: (string | null)[];
  }[],
) {
  for (const row of rows) {
    const found = await db.execute<{ class_id: string | null }>(sql`
      select (select ac.class_id from assessment_classes ac join class_students cs on cs.class_id = ac.class_id
              where ac.assessment_id = ${assessment.id} and cs.student_id = ${row.studentId} limit 1) as class_id`);
    await db.insert(assessmentSittings).values({
      districtId: district.id,
      assessmentId: assessment.id,
      studentId: row.studentId,
      classId: found.rows[0]?.class_id ?? null,
      status: row.status ?? "completed",
    });
    const scores = assessment.items.flatMap((item, index) => {
      const points = row.points?.[index] ?? null;
      const response = row.responses?.[index] ?? null;
      if (points === null && response === null) return [];
      return [
        {
          districtId: district.id,
          assessmentId: assessment.id,
          itemId: item.id,
          studentId: row.studentId,
          points,
          response,
        },
      ];
    });
    if (scores.length) await db.insert(itemScores).values(scores);
  }
  await recomputeTargetResults(
    db,
    assessment.id,
    rows.map((r) => r.studentId),
  );
}
