import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { courses, standards } from "../../db/schema";
import { invalid } from "../../errors";

/** The standard and course an essential standard names must be the district's own: a 400 problem otherwise. */
export async function checkReferences(
  db: Db,
  districtId: string,
  fields: { standardId?: string; courseId?: string | null },
): Promise<void> {
  const problems: { pointer: string; detail: string }[] = [];
  if (fields.standardId) {
    const [standard] = await db
      .select({ id: standards.id })
      .from(standards)
      .where(and(eq(standards.id, fields.standardId), eq(standards.districtId, districtId)));
    if (!standard)
      problems.push({ pointer: "/body/standardId", detail: "No such standard in the district's frameworks." });
  }
  if (fields.courseId) {
    const [course] = await db
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.id, fields.courseId), eq(courses.districtId, districtId)));
    if (!course) problems.push({ pointer: "/body/courseId", detail: "No such course in this district." });
  }
  if (problems.length) invalid("Some choices are not valid.", problems);
}
