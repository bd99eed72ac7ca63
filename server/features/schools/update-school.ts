import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { SchoolPatch } from "../../../contract/schools";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { schools } from "../../db/schema";

/** Changes a school's fields, and archives or restores it. */
export async function updateSchool(
  db: Db,
  context: ActorContext,
  schoolId: string,
  patch: z.infer<typeof SchoolPatch>,
): Promise<void> {
  const { archived, ...fields } = patch;
  await db.transaction(async (tx) => {
    const archivedAt = archived === undefined ? {} : { archivedAt: archived ? sql`now()` : null };
    await tx
      .update(schools)
      .set({ ...fields, ...archivedAt, updatedAt: sql`now()` })
      .where(eq(schools.id, schoolId));
    await recordAudit(tx, context, {
      action: "school.updated",
      subjectType: "school",
      subjectId: schoolId,
      details: { fields: Object.keys(patch) },
    });
  });
}
