import { eq } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { standardFrameworks } from "../../db/schema";
import { conflict } from "../../errors";
import { type FrameworkRow, isStillReferenced } from "./standards.queries";

/** Deletes a framework and its standards; a 409 problem if a team came to use one of them meanwhile. */
export async function deleteFramework(
  db: Db,
  context: ActorContext,
  framework: Pick<FrameworkRow, "id" | "title" | "caseIdentifier" | "standardCount">,
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.delete(standardFrameworks).where(eq(standardFrameworks.id, framework.id));
      await recordAudit(tx, context, {
        action: "standard_framework.deleted",
        subjectType: "standard_framework",
        subjectId: framework.id,
        details: {
          title: framework.title,
          caseIdentifier: framework.caseIdentifier,
          standards: framework.standardCount,
        },
      });
    });
  } catch (error) {
    // An essential standard chosen since the route's check still holds on to one of its standards.
    if (isStillReferenced(error)) conflict("Teams use this framework's standards. Remove those uses first.");
    throw error;
  }
}
