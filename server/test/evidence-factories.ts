import { randomBytes } from "node:crypto";
import type { TeamRole } from "../../contract/communities";
import type { Db } from "../db/client";
import {
  classes,
  classStudents,
  classTeachers,
  communities,
  communityMembers,
  communitySchools,
  familyLinks,
  students,
} from "../db/schema";
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
  options: { schoolId?: string | null; classIds?: string[]; givenName?: string; familyName?: string; grade?: string } = {},
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

/** A community at the elementary school with the given members. */
export async function buildCommunity(
  db: Db,
  district: TestDistrict,
  members: { personId: string; teamRole?: TeamRole }[],
  options: { name?: string; schoolIds?: string[] } = {},
) {
  const [row] = await db
    .insert(communities)
    .values({ districtId: district.id, name: options.name ?? `Team ${suffix()}`, kind: "grade_level" })
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
    });
  }
  return row;
}
